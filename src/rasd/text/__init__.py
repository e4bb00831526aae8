"""The text layer: normalisation with offset maps, tokens, sentences and (encoder.py) sentence embeddings."""

from rasd.text.normalize import NormText, fold, normalize
from rasd.text.sentences import sentences
from rasd.text.tokens import Token, tokenize

__all__ = ["NormText", "Token", "fold", "normalize", "sentences", "tokenize"]

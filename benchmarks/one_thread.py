"""Imported first by a benchmark that reports speed per core: numpy's thread pool would add its
spinning threads' CPU time (more of it the busier the machine), so the pool is held to one
thread before numpy loads. A variable already set by the caller wins."""

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

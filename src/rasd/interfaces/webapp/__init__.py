"""The multi-page web app behind ``rasd serve`` (wired up by ``rasd.interfaces.web.create_app``).

``corpus`` holds what is served, ``routes`` the pages and their JSON twins, ``api`` the
export-shaped endpoints, ``downloads`` every export format as a file, ``apidocs`` the
bundled OpenAPI page; ``docview``, ``story``, ``lists``, ``search`` and ``charts`` build
the view models, and ``headless`` drives Chromium for the browser tests and the screenshots.
"""

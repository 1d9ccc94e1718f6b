"""Shared base every capability may use: findings with ``path:line`` (``errors``), YAML
that keeps line numbers (``yaml_lines``), UTF-8 input (``text_files``), Markdown prose
blocks and sentences (``prose``, ``sentences``), front-matter and empty-page checks
(``page_checks``), an HTML pass-through parser (``html_rewrite``), and ``mkdocs.yml``
read without MkDocs (``project``).

Nothing here imports a capability or MkDocs.
"""

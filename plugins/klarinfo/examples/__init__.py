"""Examples: every figure and worked example computed from ``data/rules.yml``.

Rule parameters per year with unit and source (``rules``; ``python -m
klarinfo.examples.rules --unverified``), ``{{ rules.x }}`` placeholders
(``placeholders``), money per locale (``money``), the life-income model and its
rendering (``life_income``, ``life_income_render``), the housing-allowance model and
its rendering (``housing_allowance``, ``housing_allowance_render``), the fenced blocks
that place them on pages (``blocks``), the calculator's rules as JSON
(``calculator_rules``, for ``theme/assets/calculator-model.js``), the calculators' forms
(``calculator_form``, ``housing_form``), the list of
unverified values for readers (``unverified``) and the shared command line (``cli``).
"""

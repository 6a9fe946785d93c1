"""`model` and `model.store` name their public classes and functions without importing them:
each is imported when first read (model/lazy_import.py)."""

import subprocess
import sys

import pytest

CODE = """
import sys
import model, model.store
heavy = sorted({m.split('.')[0] for m in sys.modules} & {'numpy', 'sqlmodel', 'sqlalchemy'})
print(','.join(heavy) or '-')
import model.portfolio, model.store.store
print(model.Portfolio is model.portfolio.Portfolio, model.store.Store is model.store.store.Store)
print('project' in dir(model), 'Store' in dir(model.store))
"""


def test_the_packages_import_nothing_heavy_and_give_each_name_on_first_use():
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["-", "True", "True", "True", "True"]


@pytest.mark.parametrize("package", ["model", "model.store"])
def test_an_unknown_name_is_an_attribute_error_naming_the_package(package):
    module = __import__(package, fromlist=["_"])
    with pytest.raises(AttributeError, match=f"^module '{package}' has no attribute 'Nope'$"):
        module.Nope  # noqa: B018


@pytest.mark.parametrize("package", ["model", "model.store"])
def test_every_public_name_is_found_in_the_module_it_is_listed_under(package):
    module = __import__(package, fromlist=["_"])
    # __all__ stays a literal list (what linters and type checkers read): the same names
    assert module.__all__ == sorted(module._WHERE)
    for name in module.__all__:
        value = getattr(module, name)
        assert getattr(__import__(module._WHERE[name], fromlist=["_"]), name) is value

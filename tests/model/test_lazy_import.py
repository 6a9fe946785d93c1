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

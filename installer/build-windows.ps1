# Build the Windows installer: PyInstaller one-folder bundle, then Inno Setup.
# Run from a clone in PowerShell, with Python 3.11+ and Inno Setup 6 (iscc on PATH or default path):
#   powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1
$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

if (-not (Test-Path ".venv")) { py -3.11 -m venv .venv }
$Python = Join-Path $Root ".venv\Scripts\python.exe"
& $Python -m pip install --quiet --upgrade pip
& $Python -m pip install --quiet -e . "pyinstaller>=6.5"
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }

$Version = & $Python -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])"

& $Python -m PyInstaller --noconfirm --clean --log-level WARN `
    --distpath dist --workpath build\pyinstaller installer\repm-planner.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

# The bundle must start on its own before it is packed.
$env:QT_QPA_PLATFORM = "offscreen"
& "dist\repm-planner\repm-planner.exe" --self-test | Out-Host
if ($LASTEXITCODE -ne 0) { throw "bundled app failed its self-test" }
Remove-Item Env:QT_QPA_PLATFORM

$Iscc = (Get-Command iscc -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
if (-not (Test-Path $Iscc)) { throw "Inno Setup 6 not found: install it from jrsoftware.org" }
& $Iscc "/DAppVersion=$Version" "installer\windows\repm-planner.iss"
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Write-Host "installer: dist\repm-planner-$Version-setup.exe"

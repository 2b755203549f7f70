# Builds TrainingDesk on a Windows PC: dist\TrainingDesk\ (one folder) and, when Inno Setup is installed,
# dist\TrainingDesk-Setup-<version>.exe.  Run from the project folder in PowerShell:
#   powershell -ExecutionPolicy Bypass -File packaging\build.ps1
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

py -3.11 -m venv .venv-build
.\.venv-build\Scripts\python.exe -m pip install --upgrade pip
.\.venv-build\Scripts\python.exe -m pip install . "pyinstaller>=6"
.\.venv-build\Scripts\pyinstaller.exe --noconfirm build.spec

# The built program must pass its own self-test before it is packaged.
$env:TRAINDESK_HOME = Join-Path $env:TEMP "traindesk-selftest"
& .\dist\TrainingDesk\TrainingDesk.exe --self-test | Out-Null
if ($LASTEXITCODE -ne 0) { throw "self-test failed: see $env:TRAINDESK_HOME\logs\selftest.txt" }

$version = (.\.venv-build\Scripts\python.exe -c "from app.config import APP_VERSION; print(APP_VERSION)").Trim()
$iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe"
if (Test-Path $iscc) {
    & $iscc "/DAppVersion=$version" packaging\installer.iss
    Write-Host "Installer: dist\TrainingDesk-Setup-$version.exe"
} else {
    Write-Host "Inno Setup 6 not found; the one-folder build is in dist\TrainingDesk\"
}

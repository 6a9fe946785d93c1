; Inno Setup script: a per-user installer (no administrator rights needed) for the bundle that
; installer/build-windows.ps1 builds. Compile with: iscc /DAppVersion=X.Y.Z repm-planner.iss
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "REPM planner"
#define AppExe "repm-planner.exe"
#define Publisher "REPM planner developers"

[Setup]
AppId={{6E1D0B8C-3B7A-4C52-9E55-5245504D0001}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher={#Publisher}
DefaultDirName={localappdata}\Programs\REPM planner
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=repm-planner-{#AppVersion}-setup
SetupIconFile=..\..\resources\icon.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes

[Files]
Source: "..\..\dist\repm-planner\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked

[Registry]
; Double-clicking a .repm portfolio opens it in the planner (per user: HKCU\Software\Classes).
Root: HKCU; Subkey: "Software\Classes\.repm"; ValueType: string; ValueName: ""; ValueData: "REPMPlanner.Portfolio"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\REPMPlanner.Portfolio"; ValueType: string; ValueName: ""; ValueData: "REPM portfolio"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\REPMPlanner.Portfolio\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\REPMPlanner.Portfolio\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "Start {#AppName}"; Flags: nowait postinstall skipifsilent

; Inno Setup script: TrainingDesk-Setup-<version>.exe from dist\TrainingDesk\ (see build.ps1).
; Installs per user (no administrator rights needed), with Start menu and desktop shortcuts.
; Uninstalling removes the program only: the user's data in %APPDATA%\TrainingDesk stays.
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{5B8E2C61-7F0A-4C1E-9D43-2A6F1E0B7C95}
AppName=干部教育培训管理
AppVersion={#AppVersion}
AppPublisher=TrainingDesk
DefaultDirName={localappdata}\Programs\TrainingDesk
DefaultGroupName=干部教育培训管理
PrivilegesRequired=lowest
OutputDir=..\dist
OutputBaseFilename=TrainingDesk-Setup-{#AppVersion}
SetupIconFile=..\resources\icons\traindesk.ico
UninstallDisplayIcon={app}\TrainingDesk.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
MinVersion=6.1

[Languages]
Name: "chs"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "创建桌面快捷方式"; GroupDescription: "附加快捷方式："

[Files]
Source: "..\dist\TrainingDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\干部教育培训管理"; Filename: "{app}\TrainingDesk.exe"
Name: "{group}\卸载干部教育培训管理"; Filename: "{uninstallexe}"
Name: "{userdesktop}\干部教育培训管理"; Filename: "{app}\TrainingDesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\TrainingDesk.exe"; Description: "启动干部教育培训管理"; Flags: nowait postinstall skipifsilent

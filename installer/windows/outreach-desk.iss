; Inno Setup 6 script: the Windows installer for OutreachDesk (就业援助走访台), from the PyInstaller bundle.
;
; Build on Windows (installer/README.md has the whole procedure):
;   py -3.11 -m venv .venv && .venv\Scripts\pip install -e .[bundle]
;   .venv\Scripts\pyinstaller --noconfirm installer\outreach-desk.spec
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 installer\windows\outreach-desk.iss
; Output: dist\OutreachDesk-0.1.0-setup.exe (the version is in the file name).
;
; Installs per user by default (community laptops seldom give workers admin rights); an administrator may
; choose "all users" in the dialog. The worker's data is NOT in the install folder: the app keeps its
; encrypted store in %LOCALAPPDATA%\OutreachDesk (platformdirs) and its language setting in
; HKCU\Software\OutreachDesk. The uninstaller removes only what it installed, so both survive an uninstall
; and a reinstall or upgrade finds them; the next start migrates the store (after backing it up).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "OutreachDesk"
#define AppNameZh "就业援助走访台"
#define Bundle "..\..\dist\OutreachDesk"

[Setup]
; The AppId ties every version together: a newer installer upgrades the older one in place.
AppId={{6A0C1F52-3B7E-4C7B-9B1D-0E5F2D4A7C31}
AppName={#AppNameZh} {#AppName}
AppVersion={#AppVersion}
AppVerName={#AppNameZh} {#AppVersion}
AppPublisher=OutreachDesk
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppNameZh}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running app before replacing its files (Restart Manager), and do not restart it by force.
CloseApplications=yes
RestartApplications=no
UninstallDisplayIcon={app}\{#AppName}.exe
UninstallDisplayName={#AppNameZh} {#AppVersion}

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
#if FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the whole bundle: files a newer PyInstaller build no longer has must not linger.
; Only the program folder; the data folder is never touched.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppNameZh}"; Filename: "{app}\{#AppName}.exe"; Comment: "就业援助入户走访、帮扶与打印（离线、加密）"
Name: "{group}\{#AppNameZh}（演示数据）"; Filename: "{app}\{#AppName}.exe"; Parameters: "--demo"
Name: "{group}\{cm:UninstallProgram,{#AppNameZh}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppNameZh}"; Filename: "{app}\{#AppName}.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppName}.exe"; Description: "{cm:LaunchProgram,{#AppNameZh}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] entry on purpose: %LOCALAPPDATA%\OutreachDesk (the encrypted store and its backups)
; stays when the program is removed.

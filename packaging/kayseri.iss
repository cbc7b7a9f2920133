; Inno Setup script: the per-user Windows installer of Kayseri İhracat Koordinasyon Masası.
;
;   iscc packaging\kayseri.iss                      (after the PyInstaller build)
;   iscc /DBundleDir=C:\path\to\KayseriIhracatMasasi packaging\kayseri.iss
;
; Installs the one-folder PyInstaller bundle for the current user only, without
; administrator rights ({autopf} is %LOCALAPPDATA%\Programs in that mode), in Turkish
; or English, with a Start-menu shortcut and an optional desktop shortcut. The
; version comes from the bundled executable's version resource, which the spec
; writes from pyproject.toml: one version number everywhere.
;
; The user's database, its backups (yedekler\) and settings live outside the
; installation folder (%LOCALAPPDATA%\KTO\KayseriIhracatMasasi and the registry),
; so the uninstaller never touches them; it says so when it has finished.
; Written from Inno Setup 6 documentation; compiled by .github/workflows/windows.yml.

#define AppExeName "KayseriIhracatMasasi.exe"
#define AppDisplayName "Kayseri İhracat Koordinasyon Masası"
#define AppPublisher "Kayseri Ticaret Odası"

#ifndef BundleDir
  #define BundleDir AddBackslash(SourcePath) + "..\dist\KayseriIhracatMasasi"
#endif
#ifndef OutputDir
  #define OutputDir AddBackslash(SourcePath) + "..\dist\installer"
#endif

#if !FileExists(AddBackslash(BundleDir) + AppExeName)
  #error "No bundle to install: build it first with python -m PyInstaller packaging\kayseri.spec"
#endif
#ifndef AppVersion
  ; ProductVersion string of the version resource: pyproject's version, as written.
  #define AppVersion GetFileProductVersionString(AddBackslash(BundleDir) + AppExeName)
#endif
; The same version as four numbers (0.1.0.0) for the installer's own version resource.
#define AppVersionNumbers GetVersionNumbersString(AddBackslash(BundleDir) + AppExeName)

[Setup]
; A fixed identity: upgrades replace the installation instead of adding a second one.
AppId={{6A3F2C1E-5B7D-4E8A-9C41-2D7F0B9E8A15}
AppName={#AppDisplayName}
AppVersion={#AppVersion}
AppVerName={#AppDisplayName} {#AppVersion}
AppPublisher={#AppPublisher}
AppCopyright=© {#AppPublisher}
VersionInfoVersion={#AppVersionNumbers}
VersionInfoProductName={#AppDisplayName}
; Per-user installation: no UAC prompt, no administrator rights.
PrivilegesRequired=lowest
DefaultDirName={autopf}\KayseriIhracatMasasi
DefaultGroupName={#AppDisplayName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
WizardStyle=modern
ShowLanguageDialog=auto
SetupIconFile={#BundleDir}\_internal\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppDisplayName}
OutputDir={#OutputDir}
OutputBaseFilename=KayseriIhracatMasasi-{#AppVersion}-kurulum
Compression=lzma2/max
SolidCompression=yes
; The running app is closed (Restart Manager) before its files are replaced.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "tr"; MessagesFile: "compiler:Languages\Turkish.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
tr.DataKept=Veritabanınız, yedekleri (yedekler klasörü) ve ayarlarınız silinmedi:%n%n%1%n%nUygulamayı yeniden kurduğunuzda kaldığınız yerden devam eder. Bu verilere artık gerek yoksa klasörü kendiniz silebilirsiniz.
en.DataKept=Your database, its backups (the yedekler folder) and your settings were not removed:%n%n%1%n%nReinstalling the application picks up where you left off. If you no longer need this data, you can delete the folder yourself.
tr.LaunchApp=Kayseri İhracat Koordinasyon Masası'nı başlat
en.LaunchApp=Start Kayseri İhracat Koordinasyon Masası

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade must not leave modules of the previous version behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppDisplayName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppDisplayName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

[Code]
function DataFolder(): String;
begin
  { platformdirs.user_data_dir("KayseriIhracatMasasi", "KTO", roaming=False) }
  Result := ExpandConstant('{localappdata}\KTO\KayseriIhracatMasasi');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent() then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [DataFolder()]), mbInformation, MB_OK);
end;

; Inno Setup 6 script: a per-user installer for the PyInstaller bundle (dist\reviewer).
; Built by packaging/build.py on Windows (`python packaging/build.py`), which passes the version
; from pyproject.toml:
;   iscc /DAppVersion=X.Y.Z /DDistDir=...\dist /DIconFile=...\reviewer.ico packaging\windows\reviewer.iss
; Installs into %LOCALAPPDATA%\Programs\Transcript Reviewer without administrator rights, adds a
; Start-menu entry and an uninstaller.  The app keeps its database in the user's data folder
; (%LOCALAPPDATA%\transcript-reviewer), never here, so uninstalling or upgrading keeps it.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (packaging/build.py does)
#endif
#ifndef DistDir
  #define DistDir "..\..\dist"
#endif
#ifndef IconFile
  #define IconFile "..\icons\reviewer.ico"
#endif

[Setup]
; A fixed id: a newer version's installer upgrades this installation in place.
AppId={{6F0C9A52-7C1E-4C36-9C2B-3E1D5B7A2F41}
AppName=Transcript Reviewer
AppVersion={#AppVersion}
AppVerName=Transcript Reviewer {#AppVersion}
AppPublisher=Transcript Reviewer maintainers
DefaultDirName={autopf}\Transcript Reviewer
DefaultGroupName=Transcript Reviewer
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64
ArchitecturesInstallIn64BitMode=x64
OutputDir={#DistDir}
OutputBaseFilename=transcript-reviewer-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\reviewer-gui.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[InstallDelete]
; An upgrade replaces the bundle whole: no stale libraries of the previous version stay behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\reviewer\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; reviewer-gui.exe: the same program without a console window (reviewer.exe is the command line).
Name: "{group}\Transcript Reviewer"; Filename: "{app}\reviewer-gui.exe"
Name: "{group}\Uninstall Transcript Reviewer"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\reviewer-gui.exe"; Description: "Start Transcript Reviewer"; Flags: nowait postinstall skipifsilent

; CountyClear Windows installer (64-bit): a per-user install that needs no administrator rights.
;
; Build (Windows or Linux with Debian's `nsis` package), from the Windows one-folder bundle:
;   makensis -WX -DVERSION=0.1.0 -DSOURCE_DIR=dist\CountyClear -DOUTFILE=dist\CountyClear-0.1.0-setup.exe installer\countyclear.nsi
; or simply: python packaging/build.py --installer   (docs/INSTALL.md)
;
; Installs to %LOCALAPPDATA%\Programs\CountyClear (changeable), adds a Start-menu shortcut,
; optionally a desktop shortcut, associates workspace files (.ccws) for this user
; (HKCU\Software\Classes) and registers an uninstaller under Apps & features. The user's
; workspaces, settings, logs and saved passphrases live elsewhere (%LOCALAPPDATA%\CountyClear,
; Windows Credential Manager) and are never touched by install, upgrade or uninstall.
; Silent install for IT: setup.exe /S [/D=C:\path] ; silent uninstall: Uninstall.exe /S

Unicode true
; The app is 64-bit only; a 64-bit installer says so (and refuses 32-bit Windows up front).
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef VIVERSION
  ; VIProductVersion needs four numbers: 0.1.0 -> 0.1.0.0 (build.py passes it ready-made).
  !searchparse /noerrors "${VERSION}" "" VER_MAJOR "." VER_MINOR "." VER_PATCH
  !ifndef VER_MAJOR
    !define VER_MAJOR 0
  !endif
  !ifndef VER_MINOR
    !define VER_MINOR 0
  !endif
  !ifndef VER_PATCH
    !define VER_PATCH 0
  !endif
  !define VIVERSION "${VER_MAJOR}.${VER_MINOR}.${VER_PATCH}.0"
!endif
!ifndef SOURCE_DIR
  !define SOURCE_DIR "..\dist\CountyClear"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\dist\CountyClear-${VERSION}-setup.exe"
!endif
!if /FileExists "${SOURCE_DIR}\CountyClear.exe"
!else
  !error "No Windows bundle at ${SOURCE_DIR} (CountyClear.exe missing): build it on Windows with python packaging\build.py"
!endif

!define APP "CountyClear"
!define PUBLISHER "CountyClear project"
!define GUI_EXE "CountyClear.exe"
!define CLI_EXE "countyclear-cli.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!define WORKSPACE_EXT ".ccws"
!define WORKSPACE_PROGID "CountyClear.Workspace"

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP} ${VERSION}"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

!define MUI_ABORTWARNING
!if /FileExists "..\resources\icons\countyclear.ico"
  !define MUI_ICON "..\resources\icons\countyclear.ico"
  !define MUI_UNICON "..\resources\icons\countyclear.ico"
!endif
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\${GUI_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Start ${APP} now"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

VIProductVersion "${VIVERSION}"
VIFileVersion "${VIVERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${APP}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${APP} ${VERSION} setup (per-user, no administrator rights)"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "MIT License"

Function .onVerifyInstDir
  ; Never install into the user-data folder: the uninstaller empties the install folder.
  ${If} "$INSTDIR" == "$LOCALAPPDATA\${APP}"
    Abort
  ${EndIf}
FunctionEnd

Section "${APP} (required)" SecApp
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the program files; stale files of the old version go first.
  RMDir /r "$INSTDIR\_internal"
  File /r "${SOURCE_DIR}\*"
  WriteUninstaller "$INSTDIR\Uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${GUI_EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "Desktop shortcut" SecDesktop
  SetShellVarContext current
  CreateShortCut "$DESKTOP\${APP}.lnk" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0
SectionEnd

Section "Open workspace files (${WORKSPACE_EXT}) with ${APP}" SecAssociate
  WriteRegStr HKCU "Software\Classes\${WORKSPACE_EXT}" "" "${WORKSPACE_PROGID}"
  WriteRegStr HKCU "Software\Classes\${WORKSPACE_PROGID}" "" "${APP} workspace"
  WriteRegStr HKCU "Software\Classes\${WORKSPACE_PROGID}\DefaultIcon" "" "$INSTDIR\${GUI_EXE},0"
  WriteRegStr HKCU "Software\Classes\${WORKSPACE_PROGID}\shell\open\command" "" '"$INSTDIR\${GUI_EXE}" "%1"'
  ; SHCNE_ASSOCCHANGED: Explorer picks up the new icon and verb without a logoff.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Function .onInit
  ; The desktop shortcut is offered but not ticked: locked-down desktops are often managed.
  SectionSetFlags ${SecDesktop} 0
FunctionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APP}.lnk"
  Delete "$DESKTOP\${APP}.lnk"

  ; Only the association that points at this install is ours to remove.
  ReadRegStr $0 HKCU "Software\Classes\${WORKSPACE_EXT}" ""
  ${If} $0 == "${WORKSPACE_PROGID}"
    DeleteRegKey HKCU "Software\Classes\${WORKSPACE_EXT}"
  ${EndIf}
  DeleteRegKey HKCU "Software\Classes\${WORKSPACE_PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  DeleteRegKey HKCU "${UNINSTALL_KEY}"

  ; Program files only, by name: never a recursive delete of $INSTDIR itself, which the user
  ; may have pointed at a folder holding other things.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${GUI_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"

  DetailPrint "Your workspaces, settings and logs in $LOCALAPPDATA\${APP} were kept."
SectionEnd

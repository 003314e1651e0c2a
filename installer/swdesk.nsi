; swdesk Windows installer (NSIS 3, Modern UI 2), issue 6.
;
;   makensis -V4 -WX -DVERSION=0.1.0 -DVERSION_WIN=0.1.0.0 -DBUNDLE_DIR=..\dist\swdesk installer\swdesk.nsi
;
; (on Linux the same with -DBUNDLE_DIR=$PWD/dist/swdesk: that proves the script, not the Windows payload)
;
; VERSION comes from pyproject.toml through installer/version.py (`python installer/version.py`, or
; `--nsis-defines` for both defines); BUNDLE_DIR is the PyInstaller folder (default ..\dist\swdesk, relative
; to this file), OUTDIR where the setup .exe goes (default ..\dist; the folder must exist).
;
; What it does:
; * Per user by default, without administrator rights: %LOCALAPPDATA%\Programs\swdesk, HKCU uninstall key,
;   the user's Start menu. Started with "Run as administrator" it offers "for all users of this computer"
;   (Program Files, HKLM, common Start menu); `/AllUsers` or `/CurrentUser` choose on the command line.
; * A fixed product id (PRODUCT_ID) names the uninstall key, so a new version finds the old one and
;   upgrades in place: the old version's uninstaller runs silently first (which keeps the user's data), then
;   the new files are copied.
; * A running swdesk (its .exe files or its Python DLL held by Windows) is found before anything changes:
;   the installer and the uninstaller ask to close it (Retry / Cancel); a silent run stops with exit code 2.
; * The uninstaller keeps the user's database and backups (%LOCALAPPDATA%\swdesk, where swdesk keeps them)
;   unless the user ticks "Also delete my data" on its components page.

Unicode true
; A 64-bit installer for a 64-bit-only program: the one released is the one `make windows-check` installs
; under Wine (a 32-bit stub would need 32-bit Wine), and a 32-bit Windows gets a clear refusal from Windows.
Target amd64-unicode
ManifestDPIAware true
; A file that cannot be written (swdesk still running, a virus scanner holding it) offers Retry or Cancel,
; never Ignore: an ignored file is a mix of two versions. A silent install then stops with exit code 2.
AllowSkipFiles off
; -DCOMPRESSOR=zlib for a quick check of the script (tests/test_package.py); releases use solid LZMA
!ifndef COMPRESSOR
  !define COMPRESSOR "/SOLID lzma"
!endif
SetCompressor ${COMPRESSOR}

!ifndef VERSION
  !error "Pass the version: makensis -DVERSION=<python installer/version.py> ..."
!endif
!ifndef VERSION_WIN
  ; Windows wants four numbers; fine for a plain x.y.z version. build.sh and CI pass
  ; VERSION_WIN from installer/version.py --windows, which also handles pre-release versions.
  !define VERSION_WIN "${VERSION}.0"
!endif
!ifndef BUNDLE_DIR
  !define BUNDLE_DIR "..\dist\swdesk"
!endif
!ifndef OUTDIR
  !define OUTDIR "..\dist"
!endif

!define APP_NAME "swdesk"
!define PUBLISHER "swdesk"
; Never change this: it is how a new version recognises an installed old one.
!define PRODUCT_ID "{67CBE5C7-6D6A-439D-BE18-F346BAF532E8}"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${PRODUCT_ID}"
; QSettings of swdesk (organisation "swdesk"); removed only together with the user's data
!define SETTINGS_KEY "Software\swdesk"
; The user's data folder: platformdirs.user_data_path("swdesk") = %LOCALAPPDATA%\swdesk
!define DATA_DIR_NAME "swdesk"

Name "${APP_NAME}"
OutFile "${OUTDIR}\swdesk-${VERSION}-setup.exe"
BrandingText "${APP_NAME} ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

; --- install mode: per user by default, all users as an option ----------------------------------------------
; Stock MultiUser.nsh ties "all users possible" to RequestExecutionLevel admin/highest, which would bring up
; the UAC prompt for every administrator. "Standard" keeps `RequestExecutionLevel user` (no prompt, no admin
; needed: what office PCs without IT staff need); defining MULTIUSER_EXECUTIONLEVEL_ALLUSERS ourselves
; re-enables the all-users choice for the case where the installer was started elevated.
!define MULTIUSER_EXECUTIONLEVEL Standard
!define MULTIUSER_EXECUTIONLEVEL_ALLUSERS
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_INSTALLMODE_DEFAULT_CURRENTUSER
; per user: %LOCALAPPDATA%\Programs\swdesk (FOLDERID_UserProgramFiles); all users: Program Files\swdesk.
; Not %LOCALAPPDATA%\swdesk: that folder holds the user's database.
!define MULTIUSER_INSTALLMODE_INSTDIR "swdesk"
!define MULTIUSER_USE_PROGRAMFILES64
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${UNINST_KEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallLocation"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${UNINST_KEY}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallLocation"
!define MULTIUSER_INIT_TEXT_ALLUSERSNOTPOSSIBLE "$(MSG_ALLUSERS_NOT_POSSIBLE)"

!include MultiUser.nsh
!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include x64.nsh

; --- pages -----------------------------------------------------------------------------------------------------
!define MUI_ICON "..\resources\icons\swdesk.ico"
!define MUI_UNICON "..\resources\icons\swdesk.ico"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
; remember the language chosen at the start, for the uninstaller and the next update
!define MUI_LANGDLL_REGISTRY_ROOT SHCTX
!define MUI_LANGDLL_REGISTRY_KEY "${UNINST_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\swdesk.exe"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!define MUI_COMPONENTSPAGE_TEXT_TOP "$(UNPAGE_COMPONENTS_TOP)"
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

; NSIS's Latvian.nsh has no texts for the install-mode page; defined here, they take the place of the
; English fallback (LangFile.nsh uses a string defined before the language file is read).
!define MULTIUSER_TEXT_INSTALLMODE_TITLE "Lietotāju izvēle"
!define MULTIUSER_TEXT_INSTALLMODE_SUBTITLE "Izvēlieties, kuriem lietotājiem instalēt $(^NameDA)."
!define MULTIUSER_INNERTEXT_INSTALLMODE_TOP "Izvēlieties, vai instalēt $(^NameDA) tikai sev vai visiem šī datora lietotājiem. Katram lietotājam tik un tā būs sava datubāze. $(^ClickNext)"
!define MULTIUSER_INNERTEXT_INSTALLMODE_ALLUSERS "Visiem šī datora lietotājiem"
!define MULTIUSER_INNERTEXT_INSTALLMODE_CURRENTUSER "Tikai man"
; The first language is the default when Windows' language is neither.
!insertmacro MUI_LANGUAGE "Latvian"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

; --- texts -----------------------------------------------------------------------------------------------------
LangString SEC_PROGRAM ${LANG_LATVIAN} "swdesk programma"
LangString SEC_PROGRAM ${LANG_ENGLISH} "swdesk program"
LangString SEC_DESKTOP ${LANG_LATVIAN} "Saīsne uz darbvirsmas"
LangString SEC_DESKTOP ${LANG_ENGLISH} "Desktop shortcut"
LangString UNSEC_PROGRAM ${LANG_LATVIAN} "swdesk programma"
LangString UNSEC_PROGRAM ${LANG_ENGLISH} "swdesk program"
LangString UNSEC_DATA ${LANG_LATVIAN} "Dzēst arī manus datus (datubāzi un dublējumus)"
LangString UNSEC_DATA ${LANG_ENGLISH} "Also delete my data (database and backups)"
LangString UNPAGE_COMPONENTS_TOP ${LANG_LATVIAN} "Jūsu datubāze un tās dublējumi mapē $LOCALAPPDATA\${DATA_DIR_NAME} paliks, ja vien neatzīmēsiet «Dzēst arī manus datus». Dzēstus datus atjaunot nevar."
LangString UNPAGE_COMPONENTS_TOP ${LANG_ENGLISH} "Your database and its backups in $LOCALAPPDATA\${DATA_DIR_NAME} are kept unless you tick 'Also delete my data'. Deleted data cannot be recovered."
LangString MSG_ALLUSERS_NOT_POSSIBLE ${LANG_LATVIAN} "Lai instalētu vai noņemtu $(^Name) visiem lietotājiem, palaidiet programmu ar «Palaist kā administratoram»."
LangString MSG_ALLUSERS_NOT_POSSIBLE ${LANG_ENGLISH} "To install or remove $(^Name) for all users, start this program with 'Run as administrator'."
LangString MSG_INSTALLED_FOR_ALL ${LANG_LATVIAN} "$(^Name) jau ir instalēta visiem šī datora lietotājiem. Lai to atjauninātu, palaidiet instalētāju ar «Palaist kā administratoram»."
LangString MSG_INSTALLED_FOR_ALL ${LANG_ENGLISH} "$(^Name) is already installed for all users of this computer. To update it, start the installer with 'Run as administrator'."
LangString MSG_NEEDS_64BIT ${LANG_LATVIAN} "$(^Name) darbojas tikai 64 bitu Windows."
LangString MSG_NEEDS_64BIT ${LANG_ENGLISH} "$(^Name) needs 64-bit Windows."
LangString MSG_REMOVING_OLD ${LANG_LATVIAN} "Noņem iepriekšējo versiju (dati paliek) …"
LangString MSG_REMOVING_OLD ${LANG_ENGLISH} "Removing the previous version (your data stays) …"
LangString MSG_OLD_UNINSTALL_FAILED ${LANG_LATVIAN} "Iepriekšējo versiju neizdevās noņemt (kods $1). Aizveriet swdesk un mēģiniet vēlreiz."
LangString MSG_OLD_UNINSTALL_FAILED ${LANG_ENGLISH} "The previous version could not be removed (code $1). Close swdesk and try again."
LangString MSG_RUNNING ${LANG_LATVIAN} "swdesk vēl darbojas (fails $R8 ir aizņemts). Aizveriet visus swdesk logus un nospiediet «Retry» / «Mēģināt vēlreiz»; «Cancel» / «Atcelt» neko nemaina."
LangString MSG_RUNNING ${LANG_ENGLISH} "swdesk is running ($R8 is in use). Close every swdesk window and choose Retry; Cancel changes nothing."
LangString MSG_FILES_LEFT ${LANG_LATVIAN} "Ne visus swdesk programmas failus mapē $INSTDIR izdevās noņemt (vai swdesk vēl darbojas?). Aizveriet swdesk un mēģiniet vēlreiz."
LangString MSG_FILES_LEFT ${LANG_ENGLISH} "Not every file of swdesk in $INSTDIR could be removed (is swdesk still running?). Close swdesk and try again."

; --- version resource of the setup .exe ------------------------------------------------------------------------
VIProductVersion "${VERSION_WIN}"
VIFileVersion "${VERSION_WIN}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${APP_NAME} ${VERSION} setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "MIT licence"

; --- a running swdesk -----------------------------------------------------------------------------------------
; Windows keeps the files of a running program from being written: swdesk.exe or swdesk-cli.exe while it
; runs, and the Python DLL that both load. Opening each for writing (nothing is written) finds them before
; anything is removed, so an update never leaves half the old program beside half the new one.
!macro _SWDESK_HELD FILE
  ${If} $R8 == ""
  ${AndIf} ${FileExists} "${FILE}"
    ClearErrors
    FileOpen $R7 "${FILE}" a
    ${If} ${Errors}
      StrCpy $R8 "${FILE}"
    ${Else}
      FileClose $R7
    ${EndIf}
  ${EndIf}
!macroend

; $R9: a folder swdesk is installed in. Returns when nothing of it is in use; otherwise asks to close
; swdesk (Retry / Cancel) and quits on Cancel — in a silent run at once, with exit code 2.
!macro SWDESK_REFUSE_WHILE_RUNNING UN
Function ${UN}RefuseWhileRunning
  ${If} $R9 == ""
    Return
  ${EndIf}
  retry:
  StrCpy $R8 ""
  !insertmacro _SWDESK_HELD "$R9\swdesk.exe"
  !insertmacro _SWDESK_HELD "$R9\swdesk-cli.exe"
  !insertmacro _SWDESK_HELD "$R9\_internal\python311.dll"
  ${If} $R8 != ""
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(MSG_RUNNING)" /SD IDCANCEL IDRETRY retry
    SetErrorLevel 2
    Quit
  ${EndIf}
FunctionEnd
!macroend
!insertmacro SWDESK_REFUSE_WHILE_RUNNING ""
!insertmacro SWDESK_REFUSE_WHILE_RUNNING "un."

; --- installer -------------------------------------------------------------------------------------------------

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(MSG_NEEDS_64BIT)" /SD IDOK
    Abort
  ${EndIf}
  ; the bundle is 64-bit: its uninstall key belongs in the 64-bit registry view
  SetRegView 64
  !insertmacro MULTIUSER_INIT
  !insertmacro MUI_LANGDLL_DISPLAY
  ; An all-users copy can only be replaced by an elevated installer; a second, per-user copy next to it
  ; would leave two Start menu entries and two versions.
  ${If} $MultiUser.InstallMode == "CurrentUser"
    ReadRegStr $0 HKLM "${UNINST_KEY}" "InstallLocation"
    ${If} $0 != ""
      MessageBox MB_OK|MB_ICONEXCLAMATION "$(MSG_INSTALLED_FOR_ALL)" /SD IDOK
      Abort
    ${EndIf}
  ${EndIf}
  ; an update: the installed copy must not be running
  ReadRegStr $R9 SHCTX "${UNINST_KEY}" "InstallLocation"
  Call RefuseWhileRunning
FunctionEnd

; Remove the installed version (found through the fixed product id) before copying the new one, so that no
; file of the old bundle that the new one no longer has stays behind. Its uninstaller runs silently, which
; leaves the user's data alone (the data component is unticked by default).
Function UninstallPrevious
  ReadRegStr $0 SHCTX "${UNINST_KEY}" "InstallLocation"
  ${If} $0 == ""
  ${OrIfNot} ${FileExists} "$0\uninstall.exe"
    Return
  ${EndIf}
  DetailPrint "$(MSG_REMOVING_OLD)"
  ; _?= runs the uninstaller where it is instead of from a temporary copy, so ExecWait really waits
  ExecWait '"$0\uninstall.exe" /S /$MultiUser.InstallMode _?=$0' $1
  ${If} $1 != 0
    MessageBox MB_OK|MB_ICONSTOP "$(MSG_OLD_UNINSTALL_FAILED)" /SD IDOK
    Abort
  ${EndIf}
  ; an uninstaller started with _?= cannot delete itself
  Delete "$0\uninstall.exe"
  RMDir "$0"
FunctionEnd

Section "!$(SEC_PROGRAM)" SecProgram
  SectionIn RO
  ; again, now that the folder is chosen: swdesk may have been started while the pages were shown
  ReadRegStr $R9 SHCTX "${UNINST_KEY}" "InstallLocation"
  Call RefuseWhileRunning
  StrCpy $R9 "$INSTDIR"
  Call RefuseWhileRunning
  Call UninstallPrevious
  SetOutPath "$INSTDIR"
  ; whatever is left of an older bundle (e.g. after a failed uninstall) must not mix with the new one
  RMDir /r "$INSTDIR\_internal"
  File /r "${BUNDLE_DIR}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\swdesk.exe" "" "$INSTDIR\swdesk.exe" 0

  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\swdesk.exe,0"
  WriteRegStr SHCTX "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINST_KEY}" "InstallMode" "$MultiUser.InstallMode"
  WriteRegStr SHCTX "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD SHCTX "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "$(SEC_DESKTOP)" SecDesktop
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\swdesk.exe" "" "$INSTDIR\swdesk.exe" 0
SectionEnd

; --- uninstaller -----------------------------------------------------------------------------------------------

Function un.onInit
  SetRegView 64
  ; the mode comes from /AllUsers or /CurrentUser in UninstallString, else from where the key is
  !insertmacro MULTIUSER_UNINIT
  !insertmacro MUI_UNGETLANGUAGE
  StrCpy $R9 "$INSTDIR"
  Call un.RefuseWhileRunning
FunctionEnd

Section "!un.$(UNSEC_PROGRAM)" UnSecProgram
  SectionIn RO
  ; Only what the installer put there: never RMDir /r "$INSTDIR", which may have been pointed at a folder
  ; holding other files.
  Delete "$INSTDIR\swdesk.exe"
  Delete "$INSTDIR\swdesk-cli.exe"
  RMDir /r "$INSTDIR\_internal"
  ; Said, not left behind: a file still there (swdesk started meanwhile) fails the uninstall, and with it an
  ; update, which runs this silently and stops on its exit code.
  ${If} ${FileExists} "$INSTDIR\swdesk.exe"
  ${OrIf} ${FileExists} "$INSTDIR\swdesk-cli.exe"
  ${OrIf} ${FileExists} "$INSTDIR\_internal\*.*"
    MessageBox MB_OK|MB_ICONSTOP "$(MSG_FILES_LEFT)" /SD IDOK
    SetErrorLevel 2
    Quit
  ${EndIf}
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  DeleteRegKey SHCTX "${UNINST_KEY}"
SectionEnd

; /o: unticked unless the user ticks it, and never selected in a silent uninstall (the upgrade path)
Section /o "un.$(UNSEC_DATA)" UnSecData
  ; The data belongs to the user running the uninstaller, also after an all-users install, where
  ; $LOCALAPPDATA would otherwise mean the shared ProgramData.
  SetShellVarContext current
  RMDir /r "$LOCALAPPDATA\${DATA_DIR_NAME}"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
  ${If} $MultiUser.InstallMode == "AllUsers"
    SetShellVarContext all
  ${EndIf}
SectionEnd

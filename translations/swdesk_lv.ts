<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="lv_LV">
<context>
    <name>CaseloadGrid</name>
    <message>
        <source>Choose the first cell of a work type column to paste into; nothing was pasted.</source>
        <translation>Izvēlieties darba veida kolonnas šūnu, no kuras sākt ielīmēt; nekas netika ielīmēts.</translation>
    </message>
    <message>
        <source>The copied block has %1 rows and %2 columns, but from this cell the grid has room for %3 rows and %4 columns; nothing was pasted. Choose another first cell or copy a smaller block.</source>
        <translation>Nokopētajā blokā ir rindas: %1, kolonnas: %2, bet no šīs šūnas tabulā ir vieta rindām: %3, kolonnām: %4; nekas netika ielīmēts. Izvēlieties citu sākuma šūnu vai nokopējiet mazāku bloku.</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… un vēl %1</translation>
    </message>
    <message>
        <source>Nothing was pasted: %1 of the %2 copied cells are not counts. Correct them and copy again.</source>
        <translation>Nekas netika ielīmēts: %1 no %2 nokopētajām šūnām nav derīgi skaiti. Izlabojiet tās un nokopējiet vēlreiz.</translation>
    </message>
</context>
<context>
    <name>CaseloadGridModel</name>
    <message>
        <source>Staff member</source>
        <translation>Darbinieks</translation>
    </message>
    <message>
        <source>FTE</source>
        <translation>Slodze</translation>
    </message>
    <message>
        <source>%1 per FTE</source>
        <translation>%1 uz slodzi</translation>
    </message>
    <message>
        <source>criterion %1</source>
        <translation>kritērijs %1</translation>
    </message>
    <message>
        <source>the cell keeps %1</source>
        <translation>šūnā paliek %1</translation>
    </message>
    <message>
        <source>the cell stays empty</source>
        <translation>šūna paliek tukša</translation>
    </message>
    <message>
        <source>%1: %2 Nothing was written; %3.</source>
        <translation>%1: %2 Nekas netika ierakstīts; %3.</translation>
    </message>
</context>
<context>
    <name>CaseloadView</name>
    <message>
        <source>Month:</source>
        <translation>Mēnesis:</translation>
    </message>
    <message>
        <source>January</source>
        <translation>janvāris</translation>
    </message>
    <message>
        <source>February</source>
        <translation>februāris</translation>
    </message>
    <message>
        <source>March</source>
        <translation>marts</translation>
    </message>
    <message>
        <source>April</source>
        <translation>aprīlis</translation>
    </message>
    <message>
        <source>May</source>
        <translation>maijs</translation>
    </message>
    <message>
        <source>June</source>
        <translation>jūnijs</translation>
    </message>
    <message>
        <source>July</source>
        <translation>jūlijs</translation>
    </message>
    <message>
        <source>August</source>
        <translation>augusts</translation>
    </message>
    <message>
        <source>September</source>
        <translation>septembris</translation>
    </message>
    <message>
        <source>October</source>
        <translation>oktobris</translation>
    </message>
    <message>
        <source>November</source>
        <translation>novembris</translation>
    </message>
    <message>
        <source>December</source>
        <translation>decembris</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Atsaukt</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Atkārtot</translation>
    </message>
    <message>
        <source>Type to overwrite a cell; Enter moves down, Tab moves right; Ctrl+V pastes a block copied from Excel; Delete clears cells, Ctrl+Z undoes. Red cells are above the workload criterion.</source>
        <translation>Rakstiet, lai aizstātu šūnas vērtību; Enter pāriet uz leju, Tab — pa labi; Ctrl+V ielīmē no Excel nokopētu bloku; Delete notīra šūnas, Ctrl+Z atsauc. Sarkanās šūnas ir virs slodzes kritērija.</translation>
    </message>
    <message>
        <source>Cleared %1 cells</source>
        <translation>Notīrītas šūnas: %1</translation>
    </message>
    <message>
        <source>%1 values cleared. Ctrl+Z brings them back.</source>
        <translation>Notīrītas vērtības: %1. Ar Ctrl+Z tās var atjaunot.</translation>
    </message>
    <message>
        <source>Changed %1 cells</source>
        <translation>Mainītas šūnas: %1</translation>
    </message>
    <message>
        <source>Start from the previous month</source>
        <translation>Sākt no iepriekšējā mēneša</translation>
    </message>
    <message>
        <source>Fill this empty month with last month&apos;s figures of the people employed in it (Ctrl+Z undoes it)</source>
        <translation>Aizpildīt šo tukšo mēnesi ar iepriekšējā mēneša skaitļiem tiem darbiniekiem, kuri strādā arī šajā mēnesī (Ctrl+Z to atsauc)</translation>
    </message>
    <message>
        <source>Started from the previous month (%1 figures)</source>
        <translation>Sākts no iepriekšējā mēneša (skaitļi: %1)</translation>
    </message>
    <message>
        <source>%1 figures of %2 people taken over from the previous month. Ctrl+Z takes them back.</source>
        <translation>No iepriekšējā mēneša pārņemti skaitļi: %1 (darbinieki: %2). Ctrl+Z tos atsauc.</translation>
    </message>
    <message>
        <source>Taking over the previous month&apos;s figures…</source>
        <translation>Pārņem iepriekšējā mēneša skaitļus…</translation>
    </message>
    <message>
        <source>Find a staff member…</source>
        <translation>Meklēt darbinieku…</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>dd.mm.yyyy</source>
        <translation>dd.mm.gggg</translation>
    </message>
    <message>
        <source>Type the date as dd.mm.yyyy (15.12.2030 or 15122030) or pick it.</source>
        <translation>Ierakstiet datumu formā dd.mm.gggg (15.12.2030 vai 15122030) vai izvēlieties to kalendārā.</translation>
    </message>
    <message>
        <source>Pick the date from a calendar</source>
        <translation>Izvēlēties datumu kalendārā</translation>
    </message>
    <message>
        <source>“%1” is not a date: type it as dd.mm.yyyy, for example 15.12.2030.</source>
        <translation>«%1» nav datums: ierakstiet to formā dd.mm.gggg, piemēram, 15.12.2030.</translation>
    </message>
    <message>
        <source>%1 is outside the dates this field takes (%2–%3).</source>
        <translation>%1 ir ārpus šajā laukā pieļaujamajiem datumiem (%2–%3).</translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <source>Save changes?</source>
        <translation>Saglabāt izmaiņas?</translation>
    </message>
    <message>
        <source>The form has changes that are not saved yet.</source>
        <translation>Formā ir izmaiņas, kas vēl nav saglabātas.</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Skats</translation>
    </message>
    <message>
        <source>Go to the filter</source>
        <translation>Uz filtru</translation>
    </message>
    <message>
        <source>Add to the list</source>
        <translation>Pievienot sarakstam</translation>
    </message>
    <message>
        <source>&amp;Keyboard…</source>
        <translation>&amp;Tastatūra…</translation>
    </message>
    <message>
        <source>This view has no filter.</source>
        <translation>Šim skatam nav filtra.</translation>
    </message>
    <message>
        <source>Nothing can be added in this view.</source>
        <translation>Šajā skatā nevar neko pievienot.</translation>
    </message>
    <message>
        <source>Switch to the 1st … 10th view of the navigation</source>
        <translation>Pāriet uz navigācijas 1. … 10. skatu</translation>
    </message>
    <message>
        <source>Go to the view&apos;s filter; ↓ goes on to the list</source>
        <translation>Uz skata filtru; ↓ pāriet uz sarakstu</translation>
    </message>
    <message>
        <source>Add a row to the list</source>
        <translation>Pievienot sarakstam rindu</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Edit the chosen row (in Checks: open its record)</source>
        <translation>Labot izvēlēto rindu (Pārbaudēs — atvērt ierakstu, uz ko tā attiecas)</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Del</translation>
    </message>
    <message>
        <source>Delete the chosen row (asks first)</source>
        <translation>Dzēst izvēlēto rindu (vispirms jautā)</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Close a form; with changes it asks whether to save them</source>
        <translation>Aizvērt veidlapu; ja tajā ir izmaiņas, jautā, vai tās saglabāt</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>Next / previous field of a form</source>
        <translation>Nākamais / iepriekšējais veidlapas lauks</translation>
    </message>
    <message>
        <source>Save the list as shown as an Excel workbook (Staff, Vacancies, Duties, Training, Checks)</source>
        <translation>Saglabāt sarakstu, kā tas redzams, Excel darbgrāmatā (Darbinieki, Vakances, Pienākumi, Apmācības, Pārbaudes)</translation>
    </message>
    <message>
        <source>Caseloads: copy the chosen cells for Excel</source>
        <translation>Lietas: kopēt izvēlētās šūnas ielīmēšanai Excel</translation>
    </message>
    <message>
        <source>Caseloads: paste a block copied from Excel</source>
        <translation>Lietas: ielīmēt no Excel nokopētu bloku</translation>
    </message>
    <message>
        <source>Caseloads: undo / redo a change</source>
        <translation>Lietas: atsaukt / atkārtot izmaiņu</translation>
    </message>
    <message>
        <source>Save the &amp;list as Excel…</source>
        <translation>Saglabāt &amp;sarakstu kā Excel…</translation>
    </message>
</context>
<context>
    <name>KeyboardHelp</name>
    <message>
        <source>Keyboard</source>
        <translation>Tastatūra</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Taustiņi</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>Ko tie dara</translation>
    </message>
</context>
<context>
    <name>ListExport</name>
    <message>
        <source>Year: %1</source>
        <translation>Gads: %1</translation>
    </message>
    <message>
        <source>Filter: “%1”</source>
        <translation>Filtrs: «%1»</translation>
    </message>
    <message>
        <source>%1 of %2 rows shown, saved %3</source>
        <translation>Redzamas %1 no %2 rindām; saglabāts %3</translation>
    </message>
    <message>
        <source>Only the lists of Staff, Vacancies, Duties, Training and Checks can be saved as Excel.</source>
        <translation>Kā Excel var saglabāt tikai Darbinieku, Vakanču, Pienākumu, Apmācību un Pārbaužu sarakstus.</translation>
    </message>
    <message>
        <source>Save the list as Excel</source>
        <translation>Saglabāt sarakstu kā Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel darbgrāmatas (*.xlsx)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Saglabāts: %1</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Saglabā…</translation>
    </message>
</context>
<context>
    <name>ParticipantsPicker</name>
    <message>
        <source>Type part of a name or the employee number to add</source>
        <translation>Ierakstiet daļu no vārda vai tabeles numura, lai pievienotu</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Noņemt</translation>
    </message>
    <message>
        <source>Participants: %1</source>
        <translation>Dalībnieki: %1</translation>
    </message>
</context>
<context>
    <name>PopulationDialog</name>
    <message>
        <source>Residents of a year</source>
        <translation>Gada iedzīvotāju skaits</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Gads:</translation>
    </message>
    <message>
        <source>Number of residents:</source>
        <translation>Iedzīvotāju skaits:</translation>
    </message>
    <message>
        <source>Enter the number of residents (a whole number above zero).</source>
        <translation>Ievadiet iedzīvotāju skaitu (veselu skaitli, lielāku par nulli).</translation>
    </message>
    <message>
        <source>%1 already has a number of residents (%2); choose it in the list and edit it.</source>
        <translation>%1. gadam iedzīvotāju skaits jau ir ievadīts (%2); izvēlieties to sarakstā un labojiet.</translation>
    </message>
</context>
<context>
    <name>PopulationModel</name>
    <message>
        <source>Year</source>
        <translation>Gads</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>Iedzīvotāji</translation>
    </message>
    <message>
        <source>Used for the checks of</source>
        <translation>Izmanto pārbaudēm</translation>
    </message>
    <message>
        <source>%1–%2 (no number of its own after %1)</source>
        <translation>%1.–%2. gadam (pēc %1. gada savs skaits nav ievadīts)</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Skatīt mapē:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Datņu &amp;tips:</translation>
    </message>
</context>
<context>
    <name>QSidebar</name>
    <message>
        <source>Remove</source>
        <translation>Noņemt</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <source>Edit the service</source>
        <translation>Labot dienesta datus</translation>
    </message>
    <message>
        <source>Name of the social service:</source>
        <translation>Sociālā dienesta nosaukums:</translation>
    </message>
    <message>
        <source>Municipality:</source>
        <translation>Pašvaldība:</translation>
    </message>
    <message>
        <source>Head of the service:</source>
        <translation>Dienesta vadītājs:</translation>
    </message>
    <message>
        <source>Enter the name of the service.</source>
        <translation>Ievadiet dienesta nosaukumu.</translation>
    </message>
</context>
<context>
    <name>ServicePage</name>
    <message>
        <source>Edit the service…</source>
        <translation>Labot dienesta datus…</translation>
    </message>
    <message>
        <source>The service</source>
        <translation>Dienests</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Pievienot…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Labot…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Dzēst</translation>
    </message>
    <message>
        <source>Residents by year (for the 1:1000 norm)</source>
        <translation>Iedzīvotāju skaits pa gadiem (normai 1:1000)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nosaukums:</translation>
    </message>
    <message>
        <source>Municipality:</source>
        <translation>Pašvaldība:</translation>
    </message>
    <message>
        <source>Head:</source>
        <translation>Vadītājs:</translation>
    </message>
    <message>
        <source>No number of residents is entered: the 1:1000 norm cannot be checked. Add it.</source>
        <translation>Iedzīvotāju skaits nav ievadīts: normu 1:1000 nevar pārbaudīt. Pievienojiet to.</translation>
    </message>
    <message>
        <source>There is no number of residents for %1 or any year before it. Add it.</source>
        <translation>%1. gadam un agrākiem gadiem iedzīvotāju skaits nav ievadīts. Pievienojiet to.</translation>
    </message>
    <message>
        <source>There is no number of residents for %1: the checks of %1 use the number of %2 (%3). Add %1&apos;s.</source>
        <translation>%1. gadam iedzīvotāju skaits nav ievadīts: %1. gada pārbaudēs izmanto %2. gada skaitu (%3). Pievienojiet %1. gada skaitu.</translation>
    </message>
    <message>
        <source>Delete the number of residents</source>
        <translation>Dzēst iedzīvotāju skaitu</translation>
    </message>
    <message>
        <source>Delete the number of residents of %1 (%2)? The checks of %1 then use the latest earlier year&apos;s.</source>
        <translation>Dzēst %1. gada iedzīvotāju skaitu (%2)? Tad %1. gada pārbaudēs izmantos jaunāko agrākā gada skaitu.</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>by FTE (the sum of workloads)</source>
        <translation>pēc slodzēm (slodžu summa)</translation>
    </message>
    <message>
        <source>by headcount (people)</source>
        <translation>pēc darbinieku skaita</translation>
    </message>
    <message>
        <source>residents per specialist</source>
        <translation>iedzīvotāju uz speciālistu</translation>
    </message>
    <message>
        <source>days</source>
        <translation>dienas</translation>
    </message>
    <message>
        <source>years</source>
        <translation>gadi</translation>
    </message>
    <message>
        <source>h a year</source>
        <translation>h gadā</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>points per FTE a month</source>
        <translation>punkti uz slodzi mēnesī</translation>
    </message>
    <message>
        <source>%1 EUR per %2 min</source>
        <translation>%1 EUR par %2 min</translation>
    </message>
    <message>
        <source>the individual or the group norm is met</source>
        <translation>izpildīta individuālās vai grupas supervīzijas norma</translation>
    </message>
    <message>
        <source>both the individual and the group norm are met</source>
        <translation>izpildītas gan individuālās, gan grupas supervīzijas normas</translation>
    </message>
</context>
<context>
    <name>StaffPicker</name>
    <message>
        <source>Type part of a name or the employee number</source>
        <translation>Ierakstiet daļu no vārda, uzvārda vai tabeles numura</translation>
    </message>
    <message>
        <source>employment ended %1</source>
        <translation>darba attiecības beigušās %1</translation>
    </message>
    <message>
        <source>starts %1</source>
        <translation>sāk strādāt %1</translation>
    </message>
    <message>
        <source>%1 (%2): the employment ended on %3.</source>
        <translation>%1 (%2): darba attiecības beidzās %3.</translation>
    </message>
    <message>
        <source>%1 (%2): the employment starts on %3.</source>
        <translation>%1 (%2): darba attiecības sākas %3.</translation>
    </message>
</context>
<context>
    <name>WaitingForWriter</name>
    <message>
        <source>Waiting for another swdesk to finish writing to the database…</source>
        <translation>Gaida, kamēr cita swdesk programma pabeidz rakstīt datubāzē…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Atcelt</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Gaida</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>The database cannot be opened</source>
        <translation>Datubāzi nevar atvērt</translation>
    </message>
    <message>
        <source>The database was set aside</source>
        <translation>Datubāze ir nolikta malā</translation>
    </message>
    <message>
        <source>The database %1 was damaged and was set aside, unchanged, as %2. An empty database is not started in its place without asking.</source>
        <translation>Datubāze %1 bija bojāta un tika nemainīta nolikta malā kā %2. Tukša datubāze tās vietā netiek sākta bez jautājuma.</translation>
    </message>
    <message>
        <source>The newest verified backup of this database is from %1.</source>
        <translation>Jaunākais pārbaudītais šīs datubāzes dublējums ir no %1.</translation>
    </message>
    <message>
        <source>There is no verified backup of this database.</source>
        <translation>Pārbaudīta šīs datubāzes dublējuma nav.</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>Atjaunot dublējumu</translation>
    </message>
    <message>
        <source>Start a new, empty database</source>
        <translation>Sākt jaunu, tukšu datubāzi</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Brīdinājums</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>Datubāzes parole</translation>
    </message>
    <message>
        <source>Password of the database server for %1:</source>
        <translation>Datubāzes servera parole adresei %1:</translation>
    </message>
    <message>
        <source>Demonstration data</source>
        <translation>Demonstrācijas dati</translation>
    </message>
    <message>
        <source>This version of the program cannot generate demonstration data yet.</source>
        <translation>Šī programmas versija vēl neprot izveidot demonstrācijas datus.</translation>
    </message>
    <message>
        <source>Generating the demonstration data…</source>
        <translation>Veido demonstrācijas datus…</translation>
    </message>
    <message>
        <source>Restored from %1. The previous data was kept in %2.</source>
        <translation>Atjaunots no %1. Iepriekšējie dati saglabāti %2.</translation>
    </message>
    <message>
        <source>Restoring the database…</source>
        <translation>Atjauno datubāzi…</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Log file: %1</source>
        <translation>Žurnālfails: %1</translation>
    </message>
    <message>
        <source>This time no log file is kept: the copy holds this error&apos;s details.</source>
        <translation>Šoreiz žurnālfails netiek rakstīts: kopijā būs šīs kļūdas apraksts.</translation>
    </message>
    <message>
        <source>Copy log</source>
        <translation>Kopēt žurnālu</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Atvērt žurnāla mapi</translation>
    </message>
    <message>
        <source>The log was copied. Paste it (Ctrl+V) into a message to whoever helps you with the program.</source>
        <translation>Žurnāls nokopēts. Ielīmējiet to (Ctrl+V) vēstulē tam, kas jums palīdz ar programmu.</translation>
    </message>
</context>
<context>
    <name>CriteriaModel</name>
    <message>
        <source>Position</source>
        <translation>Amats</translation>
    </message>
    <message>
        <source>Work type</source>
        <translation>Darba veids</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Mērvienība</translation>
    </message>
    <message>
        <source>Max per FTE a month</source>
        <translation>Maks. uz slodzi mēnesī</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Svars</translation>
    </message>
</context>
<context>
    <name>CriteriaView</name>
    <message>
        <source>Structural units</source>
        <translation>Struktūrvienības</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Pievienot…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Labot…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Dzēst</translation>
    </message>
    <message>
        <source>Each value applies from its date; earlier periods keep the old one.</source>
        <translation>Katra vērtība ir spēkā no sava datuma; agrākiem periodiem paliek iepriekšējā.</translation>
    </message>
    <message>
        <source>Start a new year&apos;s scale…</source>
        <translation>Sākt jauna gada skalu…</translation>
    </message>
    <message>
        <source>Full-time monthly pay by salary group. For a year without its own rows the latest earlier year applies; when new amounts are set, start the new year from the last one and edit it.</source>
        <translation>Mēnešalga pilnai slodzei pa mēnešalgu grupām. Gadam bez savām rindām piemēro jaunāko iepriekšējo gadu; kad noteiktas jaunas summas, sāciet jauno gadu no pēdējā un labojiet to.</translation>
    </message>
    <message>
        <source>Workload criteria</source>
        <translation>Slodzes kritēriji</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Iestatījumi</translation>
    </message>
    <message>
        <source>Salary scale</source>
        <translation>Mēnešalgu skala</translation>
    </message>
    <message>
        <source>Delete salary group row</source>
        <translation>Dzēst mēnešalgu grupas rindu</translation>
    </message>
    <message>
        <source>Delete salary group %1 for %2?</source>
        <translation>Dzēst %1. mēnešalgu grupu %2. gadam?</translation>
    </message>
    <message>
        <source>Start a new year&apos;s scale</source>
        <translation>Sākt jauna gada skalu</translation>
    </message>
    <message>
        <source>The year whose scale starts from the latest amounts:</source>
        <translation>Gads, kura skalu sākt no jaunākajām summām:</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Mainīt…</translation>
    </message>
    <message>
        <source>Every position</source>
        <translation>Visi amati</translation>
    </message>
    <message>
        <source>Delete criterion</source>
        <translation>Dzēst kritēriju</translation>
    </message>
    <message>
        <source>Delete the criterion %1 — %2?</source>
        <translation>Dzēst kritēriju %1 — %2?</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienests</translation>
    </message>
</context>
<context>
    <name>CriterionDialog</name>
    <message>
        <source>Edit criterion</source>
        <translation>Labot kritēriju</translation>
    </message>
    <message>
        <source>New criterion</source>
        <translation>Jauns kritērijs</translation>
    </message>
    <message>
        <source>Every position</source>
        <translation>Visi amati</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>nav obligāts</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Amats:</translation>
    </message>
    <message>
        <source>Work type:</source>
        <translation>Darba veids:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Mērvienība:</translation>
    </message>
    <message>
        <source>Max per FTE a month:</source>
        <translation>Maks. uz slodzi mēnesī:</translation>
    </message>
    <message>
        <source>Weight:</source>
        <translation>Svars:</translation>
    </message>
    <message>
        <source>Enter the maximum per FTE a month (a number above 0).</source>
        <translation>Ievadiet maksimumu uz slodzi mēnesī (skaitli, lielāku par 0).</translation>
    </message>
    <message>
        <source>The weight must be a number, 0 or more, or left empty.</source>
        <translation>Svaram jābūt skaitlim, kas nav mazāks par 0, vai tukšam.</translation>
    </message>
    <message>
        <source>A criterion for this position, work type and unit already exists.</source>
        <translation>Kritērijs šim amatam, darba veidam un mērvienībai jau ir.</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>%1 — staff: %2, FTE: %3; ratios and vacancies: the whole municipality</source>
        <translation>%1 — darbinieku: %2, slodžu: %3; attiecības un vakances: visa pašvaldība</translation>
    </message>
    <message>
        <source>(whole municipality)</source>
        <translation>(visa pašvaldība)</translation>
    </message>
    <message>
        <source>Residents per specialist (whole municipality)</source>
        <translation>Iedzīvotāji uz speciālistu (visa pašvaldība)</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Gads:</translation>
    </message>
    <message>
        <source>1:1000 norm</source>
        <translation>Norma 1:1000</translation>
    </message>
    <message>
        <source>Effective ratio</source>
        <translation>Efektīvā attiecība</translation>
    </message>
    <message>
        <source>Caseloads</source>
        <translation>Lietas</translation>
    </message>
    <message>
        <source>Non-social-work share</source>
        <translation>Nesaistīto pienākumu daļa</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Apmācības</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>Supervīzija</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Izglītība</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Atalgojums</translation>
    </message>
    <message>
        <source>Vacancies</source>
        <translation>Vakances</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Ielādē…</translation>
    </message>
    <message>
        <source>Checked as of %1</source>
        <translation>Pārbaudīts uz %1</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>Nav izpildīta</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Uzmanību</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Piezīme</translation>
    </message>
    <message>
        <source>In order</source>
        <translation>Kārtībā</translation>
    </message>
    <message>
        <source>%1 residents per specialist</source>
        <translation>%1 iedzīvotāji uz speciālistu</translation>
    </message>
    <message>
        <source>No specialists or no population</source>
        <translation>Nav speciālistu vai iedzīvotāju skaita</translation>
    </message>
    <message>
        <source>Limit: %1</source>
        <translation>Robeža: %1</translation>
    </message>
    <message>
        <source>%1 staff members above the limit, highest %2</source>
        <translation>Virs robežas: %1 darbinieki, augstākā %2</translation>
    </message>
    <message>
        <source>Nobody above the limit</source>
        <translation>Neviens nav virs robežas</translation>
    </message>
    <message>
        <source>Limit: %1 of working time</source>
        <translation>Robeža: %1 no darba laika</translation>
    </message>
    <message>
        <source>%1 open, %2 open too long</source>
        <translation>Atvērtas: %1, no tām pārāk ilgi: %2</translation>
    </message>
    <message>
        <source>Limit: %1 days</source>
        <translation>Robeža: %1 dienas</translation>
    </message>
    <message>
        <source>%1 findings</source>
        <translation>Konstatējumi: %1</translation>
    </message>
    <message>
        <source>No findings</source>
        <translation>Nav konstatējumu</translation>
    </message>
    <message>
        <source>Limit: the workload criteria</source>
        <translation>Robeža: slodzes kritēriji</translation>
    </message>
    <message>
        <source>Norm: training hours of the position</source>
        <translation>Norma: amata apmācību stundas</translation>
    </message>
    <message>
        <source>Norm: individual or group supervision hours</source>
        <translation>Norma: individuālās vai grupas supervīzijas stundas</translation>
    </message>
    <message>
        <source>Norm: education required for the position</source>
        <translation>Norma: amatam vajadzīgā izglītība</translation>
    </message>
    <message>
        <source>Norm: minimum of the salary group</source>
        <translation>Norma: mēnešalgu grupas minimums</translation>
    </message>
    <message>
        <source>Residents per specialist</source>
        <translation>Iedzīvotāji uz vienu speciālistu</translation>
    </message>
    <message>
        <source>No population or no specialists yet.</source>
        <translation>Vēl nav iedzīvotāju skaita vai speciālistu.</translation>
    </message>
    <message>
        <source>Cases per FTE by month, %1</source>
        <translation>Lietas uz slodzi pa mēnešiem, %1</translation>
    </message>
    <message>
        <source>No caseloads entered for this year.</source>
        <translation>Šim gadam lietas nav ievadītas.</translation>
    </message>
    <message>
        <source>Non-social-work hours by category, %1</source>
        <translation>Nesaistīto pienākumu stundas pa kategorijām, %1</translation>
    </message>
    <message>
        <source>No non-social-work duties entered for this year.</source>
        <translation>Šim gadam nesaistītie pienākumi nav ievadīti.</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Nav datu</translation>
    </message>
    <message>
        <source>No population for this year</source>
        <translation>Šim gadam nav iedzīvotāju skaita</translation>
    </message>
    <message>
        <source>No specialists</source>
        <translation>Nav speciālistu</translation>
    </message>
    <message>
        <source>No time left for social work</source>
        <translation>Sociālajam darbam neatliek laika</translation>
    </message>
    <message>
        <source>%1 specialists short of the norm</source>
        <translation>Līdz normai trūkst %1 speciālistu</translation>
    </message>
    <message>
        <source>%1 FTE short of the norm</source>
        <translation>Līdz normai trūkst %1 slodzes</translation>
    </message>
    <message>
        <source>%1 notes</source>
        <translation>Piezīmes: %1</translation>
    </message>
    <message>
        <source>%1 findings, %2 notes</source>
        <translation>Konstatējumi: %1, piezīmes: %2</translation>
    </message>
    <message>
        <source>Card “%1”</source>
        <translation>Kartīte «%1»</translation>
    </message>
</context>
<context>
    <name>DutiesModel</name>
    <message>
        <source>Date</source>
        <translation>Datums</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>Darbinieks</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorija</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stundas</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Apraksts</translation>
    </message>
</context>
<context>
    <name>DutiesView</name>
    <message>
        <source>Filter…</source>
        <translation>Atlasīt…</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Pievienot…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Labot…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Dzēst</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Gads:</translation>
    </message>
    <message>
        <source>Per person this year</source>
        <translation>Pa darbiniekiem šajā gadā</translation>
    </message>
    <message>
        <source>Red: above %1 of working time (non-social-work share, year to date).</source>
        <translation>Sarkanā krāsā: virs %1 no darba laika (nesaistīto pienākumu daļa līdz šim gadā).</translation>
    </message>
    <message>
        <source>Delete duty</source>
        <translation>Dzēst pienākumu</translation>
    </message>
    <message>
        <source>Delete %1 h of %2 on %3?</source>
        <translation>Dzēst %1 h (%2, %3)?</translation>
    </message>
</context>
<context>
    <name>DutyDialog</name>
    <message>
        <source>New duty</source>
        <translation>Jauns pienākums</translation>
    </message>
    <message>
        <source>Edit duty</source>
        <translation>Labot pienākumu</translation>
    </message>
    <message>
        <source>Staff member:</source>
        <translation>Darbinieks:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Datums:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Kategorija:</translation>
    </message>
    <message>
        <source>Hours:</source>
        <translation>Stundas:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Apraksts:</translation>
    </message>
    <message>
        <source>Hours on the date, or a month&apos;s total entered on any day of that month. A person&apos;s hours in one month may not exceed the month&apos;s contracted hours (working days × 8 h × FTE).</source>
        <translation>Stundas šajā datumā vai mēneša kopsumma, ierakstīta jebkurā šā mēneša dienā. Viena darbinieka stundas mēnesī nedrīkst pārsniegt mēneša darba laiku pēc slodzes (darba dienas × 8 h × slodze).</translation>
    </message>
    <message>
        <source>Hours must be a number above 0 (e.g. 1,5 or a month&apos;s total, 40).</source>
        <translation>Stundām jābūt skaitlim, lielākam par 0 (piem., 1,5 vai mēneša kopsumma 40).</translation>
    </message>
    <message>
        <source>Hours can have at most 2 decimal places.</source>
        <translation>Stundām var būt ne vairāk kā 2 cipari aiz komata.</translation>
    </message>
    <message>
        <source>This entry was deleted meanwhile.</source>
        <translation>Šis ieraksts pa to laiku ir dzēsts.</translation>
    </message>
    <message>
        <source>Enter the date of the duty (dd.mm.yyyy).</source>
        <translation>Ievadiet pienākuma datumu (dd.mm.gggg).</translation>
    </message>
    <message>
        <source>Choose the staff member: type part of the name or the number.</source>
        <translation>Izvēlieties darbinieku: ierakstiet daļu no vārda, uzvārda vai tabeles numura.</translation>
    </message>
    <message>
        <source>Save the entry all the same?</source>
        <translation>Vai tomēr saglabāt ierakstu?</translation>
    </message>
</context>
<context>
    <name>DutyTotalsModel</name>
    <message>
        <source>Staff member</source>
        <translation>Darbinieks</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stundas</translation>
    </message>
    <message>
        <source>Share of working time</source>
        <translation>Daļa no darba laika</translation>
    </message>
</context>
<context>
    <name>EndEmploymentDialog</name>
    <message>
        <source>End employment</source>
        <translation>Darba attiecību beigas</translation>
    </message>
    <message>
        <source>Last working day of %1:</source>
        <translation>Pēdējā darba diena (%1):</translation>
    </message>
    <message>
        <source>The employment started on %1; it cannot end before that.</source>
        <translation>Darba attiecības sākās %1; tās nevar beigties agrāk.</translation>
    </message>
    <message>
        <source>Enter the last working day (dd.mm.yyyy).</source>
        <translation>Ievadiet pēdējo darba dienu (dd.mm.gggg).</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Edit event</source>
        <translation>Labot ierakstu</translation>
    </message>
    <message>
        <source>New training or supervision event</source>
        <translation>Jaunas apmācības vai supervīzija</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>nav norādīts</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>jā</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nē</translation>
    </message>
    <message>
        <source>Staff member:</source>
        <translation>Darbinieks:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Datums:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Veids:</translation>
    </message>
    <message>
        <source>Form:</source>
        <translation>Forma:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Ilgums:</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>Tēma:</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Sniedzējs:</translation>
    </message>
    <message>
        <source>Certified supervisor:</source>
        <translation>Sertificēts supervizors:</translation>
    </message>
    <message>
        <source>Invoice no.:</source>
        <translation>Rēķina nr.:</translation>
    </message>
    <message>
        <source>Duration must be a number above 0 (e.g. 1,5).</source>
        <translation>Ilgumam jābūt skaitlim, lielākam par 0 (piemēram, 1,5).</translation>
    </message>
    <message>
        <source>Duration can have at most 2 decimal places.</source>
        <translation>Ilgumam var būt ne vairāk kā 2 cipari aiz komata.</translation>
    </message>
    <message>
        <source>Cost must be a number (e.g. 120,50).</source>
        <translation>Izmaksām jābūt skaitlim (piemēram, 120,50).</translation>
    </message>
    <message>
        <source>Cost can have at most 2 decimal places.</source>
        <translation>Izmaksām var būt ne vairāk kā 2 cipari aiz komata.</translation>
    </message>
    <message>
        <source>%1 %2 is %3 minutes; an event is recorded in whole minutes.</source>
        <translation>%1 %2 ir %3 minūtes; ierakstu glabā veselās minūtēs.</translation>
    </message>
    <message>
        <source>This event was deleted meanwhile.</source>
        <translation>Šis ieraksts pa to laiku ir dzēsts.</translation>
    </message>
    <message>
        <source>Participants:</source>
        <translation>Dalībnieki:</translation>
    </message>
    <message>
        <source>Cost per person, EUR:</source>
        <translation>Izmaksas uz personu, EUR:</translation>
    </message>
    <message>
        <source>Enter the date of the event (dd.mm.yyyy).</source>
        <translation>Ievadiet pasākuma datumu (dd.mm.gggg).</translation>
    </message>
    <message>
        <source>Choose the staff member: type part of the name or the number.</source>
        <translation>Izvēlieties darbinieku: ierakstiet daļu no vārda, uzvārda vai tabeles numura.</translation>
    </message>
    <message>
        <source>Add the participants: type part of a name or the number and press Enter.</source>
        <translation>Pievienojiet dalībniekus: ierakstiet daļu no vārda vai tabeles numura un nospiediet Enter.</translation>
    </message>
</context>
<context>
    <name>EventsModel</name>
    <message>
        <source>Date</source>
        <translation>Datums</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>Darbinieks</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Veids</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Forma</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Ilgums</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stundas</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tēma</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Sniedzējs</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Izmaksas</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Rēķins</translation>
    </message>
</context>
<context>
    <name>ExportView</name>
    <message>
        <source>Structural unit:</source>
        <translation>Struktūrvienība:</translation>
    </message>
    <message>
        <source>The whole service</source>
        <translation>Viss dienests</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>Viss gads</translation>
    </message>
    <message>
        <source>1st half</source>
        <translation>1. pusgads</translation>
    </message>
    <message>
        <source>2nd half</source>
        <translation>2. pusgads</translation>
    </message>
    <message>
        <source>1st quarter</source>
        <translation>1. ceturksnis</translation>
    </message>
    <message>
        <source>2nd quarter</source>
        <translation>2. ceturksnis</translation>
    </message>
    <message>
        <source>3rd quarter</source>
        <translation>3. ceturksnis</translation>
    </message>
    <message>
        <source>4th quarter</source>
        <translation>4. ceturksnis</translation>
    </message>
    <message>
        <source>Nine months</source>
        <translation>Deviņi mēneši</translation>
    </message>
    <message>
        <source>Save the claim…</source>
        <translation>Saglabāt pieprasījumu…</translation>
    </message>
    <message>
        <source>Training and supervision compensation claim</source>
        <translation>Apmācību un supervīziju kompensācijas pieprasījums</translation>
    </message>
    <message>
        <source>Every training and supervision event of the period with its eligible cost and the sum to be compensated; sent to the Ministry of Welfare.</source>
        <translation>Katras perioda apmācības un supervīzija ar attiecināmajām izmaksām un kompensējamo summu; nosūta Labklājības ministrijai.</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Gads:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Periods:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Formāts:</translation>
    </message>
    <message>
        <source>Save the survey…</source>
        <translation>Saglabāt aptauju…</translation>
    </message>
    <message>
        <source>Annual survey of social work specialists</source>
        <translation>Sociālā darba speciālistu ikgadējā aptauja</translation>
    </message>
    <message>
        <source>Staff and vacancies per position, pay, education, caseloads and the previous year&apos;s training and supervision; no names or personal codes. Sent to the Ministry of Welfare.</source>
        <translation>Darbinieki un vakances pa amatiem, atalgojums, izglītība, lietas un iepriekšējā gada apmācības un supervīzija; bez vārdiem un personas kodiem. Nosūta Labklājības ministrijai.</translation>
    </message>
    <message>
        <source>Reference date:</source>
        <translation>Uz datumu:</translation>
    </message>
    <message>
        <source>Save the report…</source>
        <translation>Saglabāt atskaiti…</translation>
    </message>
    <message>
        <source>Report to the council</source>
        <translation>Atskaite domei</translation>
    </message>
    <message>
        <source>With names — for internal use only</source>
        <translation>Ar vārdiem — tikai iekšējai lietošanai</translation>
    </message>
    <message>
        <source>By default the report names nobody: findings about staff are counted per position and unit. With names, every page says it is for internal use.</source>
        <translation>Pēc noklusējuma atskaitē neviens nav nosaukts vārdā: konstatējumi par darbiniekiem saskaitīti pa amatiem un struktūrvienībām. Ar vārdiem katrā lapā norādīts, ka tā ir iekšējai lietošanai.</translation>
    </message>
    <message>
        <source>The year&apos;s norm checks with charts, for arguing for staff at the municipal council.</source>
        <translation>Gada normu pārbaudes ar grafikiem — pamatojums darbinieku skaitam domes sēdē.</translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation>Atvērt failu</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Atvērt mapi</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel darbgrāmata (.xlsx)</translation>
    </message>
    <message>
        <source>PDF document (.pdf)</source>
        <translation>PDF dokuments (.pdf)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF dokumenti (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel darbgrāmatas (*.xlsx)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Saglabāt kā</translation>
    </message>
    <message>
        <source>Writing the claim…</source>
        <translation>Sagatavo pieprasījumu…</translation>
    </message>
    <message>
        <source>Writing the survey…</source>
        <translation>Sagatavo aptauju…</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Sagatavo atskaiti…</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Saglabāts: %1</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Severity</source>
        <translation>Nozīmīgums</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Noteikums</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>Attiecas uz</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Vērtība</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Robeža</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Paziņojums</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Kļūda</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Brīdinājums</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Informācija</translation>
    </message>
</context>
<context>
    <name>FindingsView</name>
    <message>
        <source>All severities</source>
        <translation>Visi nozīmīgumi</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Kļūdas</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Brīdinājumi</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Informācija</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>Atlasīt…</translation>
    </message>
    <message>
        <source>Double-click a finding to open the record it concerns.</source>
        <translation>Veiciet dubultklikšķi uz konstatējuma, lai atvērtu ierakstu, uz kuru tas attiecas.</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Gads:</translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation>Nozīmīgums:</translation>
    </message>
    <message>
        <source>Rule:</source>
        <translation>Noteikums:</translation>
    </message>
    <message>
        <source>All rules</source>
        <translation>Visi noteikumi</translation>
    </message>
    <message>
        <source>%1 of %2 findings shown</source>
        <translation>Parādīti %1 no %2 konstatējumiem</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Ielādē…</translation>
    </message>
    <message>
        <source>Choose a finding to read it in full here.</source>
        <translation>Izvēlieties konstatējumu, lai šeit to izlasītu pilnībā.</translation>
    </message>
</context>
<context>
    <name>FirstStartWizard</name>
    <message>
        <source>swdesk — first start</source>
        <translation>swdesk — pirmā palaišana</translation>
    </message>
    <message>
        <source>Welcome! Describe your social service to begin. The number of residents is needed for the 1:1000 norm. Everything can be changed later.</source>
        <translation>Laipni lūdzam! Lai sāktu, aprakstiet savu sociālo dienestu. Iedzīvotāju skaits vajadzīgs normai 1:1000. Visu var mainīt arī vēlāk.</translation>
    </message>
    <message>
        <source>e.g. Valmieras novada Sociālais dienests</source>
        <translation>piem., Valmieras novada Sociālais dienests</translation>
    </message>
    <message>
        <source>Name of the social service:</source>
        <translation>Sociālā dienesta nosaukums:</translation>
    </message>
    <message>
        <source>Municipality:</source>
        <translation>Pašvaldība:</translation>
    </message>
    <message>
        <source>Number of residents:</source>
        <translation>Iedzīvotāju skaits:</translation>
    </message>
    <message>
        <source>Year of that number:</source>
        <translation>Gads, uz kuru tas attiecas:</translation>
    </message>
    <message>
        <source>Head of the service:</source>
        <translation>Dienesta vadītājs:</translation>
    </message>
    <message>
        <source>Create the service</source>
        <translation>Izveidot dienestu</translation>
    </message>
    <message>
        <source>Open the demonstration data</source>
        <translation>Atvērt demonstrācijas datus</translation>
    </message>
    <message>
        <source>Enter the name of the service.</source>
        <translation>Ievadiet dienesta nosaukumu.</translation>
    </message>
    <message>
        <source>Enter the number of residents (a whole number above zero).</source>
        <translation>Ievadiet iedzīvotāju skaitu (veselu skaitli, lielāku par nulli).</translation>
    </message>
    <message>
        <source>Whose computer is this?</source>
        <translation>Kam pieder šis dators?</translation>
    </message>
    <message>
        <source>A municipal social service's</source>
        <translation>Pašvaldības sociālajam dienestam</translation>
    </message>
    <message>
        <source>The Ministry of Welfare's (LM): summarise the surveys and claims the services send</source>
        <translation>Labklājības ministrijai (LM): apkopot dienestu atsūtītās aptaujas un pieprasījumus</translation>
    </message>
    <message>
        <source>Open the LM summary</source>
        <translation>Atvērt LM kopsavilkumu</translation>
    </message>
</context>
<context>
    <name>HoursModel</name>
    <message>
        <source>Staff member</source>
        <translation>Darbinieks</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Amats</translation>
    </message>
    <message>
        <source>Training h (done / required)</source>
        <translation>Apmācības, h (ir / vajag)</translation>
    </message>
    <message>
        <source>Individual supervision h</source>
        <translation>Individuālā supervīzija, h</translation>
    </message>
    <message>
        <source>Group supervision h</source>
        <translation>Grupas supervīzija, h</translation>
    </message>
</context>
<context>
    <name>ImportCountsModel</name>
    <message>
        <source>Sheet</source>
        <translation>Lapa</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Jauni</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Mainīti</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Nemainīti</translation>
    </message>
</context>
<context>
    <name>ImportProblemsModel</name>
    <message>
        <source>Sheet</source>
        <translation>Lapa</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Rinda</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolonna</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problēma</translation>
    </message>
</context>
<context>
    <name>ImportView</name>
    <message>
        <source>An undo removes the rows the import added and restores those it changed.</source>
        <translation>Atsaucot importu, tā pievienotās rindas tiek dzēstas un mainītās atjaunotas.</translation>
    </message>
    <message>
        <source>Import log</source>
        <translation>Importu žurnāls</translation>
    </message>
    <message>
        <source>Import no. %1 undone.</source>
        <translation>Imports Nr. %1 atsaukts.</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>Atsaukt importu</translation>
    </message>
    <message>
        <source>Undo import no. %1 (%2 of %3)? The %4 rows it added are deleted and the %5 rows it changed get their earlier values back.</source>
        <translation>Atsaukt importu Nr. %1 (%2, %3)? Tā pievienotās rindas (%4) tiks dzēstas, un tā mainītās rindas (%5) atgūs iepriekšējās vērtības.</translation>
    </message>
    <message>
        <source>Undo import…</source>
        <translation>Atsaukt importu…</translation>
    </message>
    <message>
        <source>Bring in data from the import workbook (.xlsx) or from .csv files. First you see what would be added and changed and every problem; nothing is written until you press Import.</source>
        <translation>Ievadiet datus no importa darbgrāmatas (.xlsx) vai .csv failiem. Vispirms redzams, kas tiktu pievienots un mainīts, un visas problēmas; nekas netiek ierakstīts, kamēr nenospiežat «Importēt».</translation>
    </message>
    <message>
        <source>Choose a workbook…</source>
        <translation>Izvēlēties darbgrāmatu…</translation>
    </message>
    <message>
        <source>Save the empty template…</source>
        <translation>Saglabāt tukšo veidni…</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>Fails nav izvēlēts.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importēt</translation>
    </message>
    <message>
        <source>What the import would do</source>
        <translation>Ko imports darītu</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problēmas</translation>
    </message>
    <message>
        <source>Choose a workbook</source>
        <translation>Izvēlēties darbgrāmatu</translation>
    </message>
    <message>
        <source>Workbooks and CSV (*.xlsx *.xlsm *.xls *.ods *.csv);;All files (*)</source>
        <translation>Darbgrāmatas un CSV (*.xlsx *.xlsm *.xls *.ods *.csv);;Visi faili (*)</translation>
    </message>
    <message>
        <source>Checking the workbook…</source>
        <translation>Pārbauda darbgrāmatu…</translation>
    </message>
    <message>
        <source>%1 problems: nothing can be imported until they are corrected in the workbook.</source>
        <translation>Problēmas: %1. Neko nevar importēt, kamēr tās nav izlabotas darbgrāmatā.</translation>
    </message>
    <message>
        <source>Nothing to import: every row is already in the database.</source>
        <translation>Nav ko importēt: visas rindas jau ir datubāzē.</translation>
    </message>
    <message>
        <source>Ready: %1 new, %2 changed, %3 unchanged rows. Press Import to write them.</source>
        <translation>Gatavs: jaunas rindas %1, mainītas %2, nemainītas %3. Nospiediet «Importēt», lai tās ierakstītu.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importē…</translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 changed rows.</source>
        <translation>Importēts: jaunas rindas %1, mainītas %2.</translation>
    </message>
    <message>
        <source>Nothing was imported: the data changed since the preview. See the problems and try again.</source>
        <translation>Nekas netika importēts: kopš priekšskatījuma dati ir mainījušies. Apskatiet problēmas un mēģiniet vēlreiz.</translation>
    </message>
    <message>
        <source>Save the empty template</source>
        <translation>Saglabāt tukšo veidni</translation>
    </message>
    <message>
        <source>Workbooks (*.xlsx)</source>
        <translation>Darbgrāmatas (*.xlsx)</translation>
    </message>
    <message>
        <source>Template saved: %1</source>
        <translation>Veidne saglabāta: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Change history</source>
        <translation>Izmaiņu vēsture</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Datubāze: %1</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Pārskats</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Darbinieki</translation>
    </message>
    <message>
        <source>Vacancies</source>
        <translation>Vakances</translation>
    </message>
    <message>
        <source>Caseloads</source>
        <translation>Lietas</translation>
    </message>
    <message>
        <source>Duties</source>
        <translation>Pienākumi</translation>
    </message>
    <message>
        <source>Training and supervision</source>
        <translation>Apmācības un supervīzijas</translation>
    </message>
    <message>
        <source>Criteria and settings</source>
        <translation>Kritēriji un iestatījumi</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Pārbaudes</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>Plānošana</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Imports</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Eksports</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fails</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>&amp;Atvērt datubāzi…</translation>
    </message>
    <message>
        <source>Open the &amp;demonstration data</source>
        <translation>Atvērt &amp;demonstrācijas datus</translation>
    </message>
    <message>
        <source>&amp;Back up the database…</source>
        <translation>&amp;Dublēt datubāzi…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>A&amp;tjaunot no dublējuma…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Iziet</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Iestatījumi</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Valoda</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Palīdzība</translation>
    </message>
    <message>
        <source>&amp;About swdesk</source>
        <translation>&amp;Par programmu</translation>
    </message>
    <message>
        <source>&amp;Self-test…</source>
        <translation>&amp;Pašpārbaude…</translation>
    </message>
    <message>
        <source>Self-test</source>
        <translation>Pašpārbaude</translation>
    </message>
    <message>
        <source>All checks passed.</source>
        <translation>Visas pārbaudes izdevās.</translation>
    </message>
    <message>
        <source>Some checks failed:</source>
        <translation>Dažas pārbaudes neizdevās:</translation>
    </message>
    <message>
        <source>Running the self-test…</source>
        <translation>Notiek pašpārbaude…</translation>
    </message>
    <message>
        <source>&lt;h3&gt;swdesk %1&lt;/h3&gt;&lt;p&gt;Staff, workload and norms of a municipal social service.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;&lt;p&gt;Log file (for support): %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;swdesk %1&lt;/h3&gt;&lt;p&gt;Sociālā dienesta personāla, slodzes un normu uzskaite.&lt;/p&gt;&lt;p&gt;Datubāze: %2&lt;/p&gt;&lt;p&gt;Žurnālfails (atbalstam): %3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About swdesk</source>
        <translation>Par programmu swdesk</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Atvērt datubāzi</translation>
    </message>
    <message>
        <source>swdesk database (*.sqlite);;All files (*)</source>
        <translation>swdesk datubāze (*.sqlite);;Visi faili (*)</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>Dublēt datubāzi</translation>
    </message>
    <message>
        <source>swdesk database (*.sqlite)</source>
        <translation>swdesk datubāze (*.sqlite)</translation>
    </message>
    <message>
        <source>Backup saved: %1</source>
        <translation>Dublējums saglabāts: %1</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Dublē datubāzi…</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Atjaunot no dublējuma</translation>
    </message>
    <message>
        <source>Replace all data in %1 with the backup %2? A copy of the current data is kept in the backups folder.</source>
        <translation>Aizstāt visus datus datubāzē %1 ar dublējumu %2? Pašreizējo datu kopija tiks saglabāta dublējumu mapē.</translation>
    </message>
    <message>
        <source>%1 — swdesk</source>
        <translation>%1 — swdesk</translation>
    </message>
    <message>
        <source>&amp;LM summary…</source>
        <translation>&amp;LM kopsavilkums…</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>Cancel</source>
        <translation>Atcelt</translation>
    </message>
</context>
<context>
    <name>ScaleDialog</name>
    <message>
        <source>Change salary group</source>
        <translation>Labot mēnešalgu grupu</translation>
    </message>
    <message>
        <source>New salary group row</source>
        <translation>Jauna mēnešalgu grupas rinda</translation>
    </message>
    <message>
        <source>Salary group:</source>
        <translation>Mēnešalgu grupa:</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Gads:</translation>
    </message>
    <message>
        <source>Minimum, EUR:</source>
        <translation>Minimums, EUR:</translation>
    </message>
    <message>
        <source>Mid, EUR:</source>
        <translation>Vidējā, EUR:</translation>
    </message>
    <message>
        <source>Maximum, EUR:</source>
        <translation>Maksimums, EUR:</translation>
    </message>
    <message>
        <source>Enter all three amounts (e.g. 1157,00).</source>
        <translation>Ievadiet visas trīs summas (piemēram, 1157,00).</translation>
    </message>
</context>
<context>
    <name>ScaleModel</name>
    <message>
        <source>Year</source>
        <translation>Gads</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupa</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Minimums</translation>
    </message>
    <message>
        <source>Mid</source>
        <translation>Vidējā</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Maksimums</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>Amati</translation>
    </message>
</context>
<context>
    <name>SettingDialog</name>
    <message>
        <source>Change a setting</source>
        <translation>Mainīt iestatījumu</translation>
    </message>
    <message>
        <source>New value:</source>
        <translation>Jaunā vērtība:</translation>
    </message>
    <message>
        <source>Applies from:</source>
        <translation>Spēkā no:</translation>
    </message>
    <message>
        <source>Earlier values:</source>
        <translation>Iepriekšējās vērtības:</translation>
    </message>
    <message>
        <source>Enter the date the value applies from (dd.mm.yyyy).</source>
        <translation>Ievadiet datumu, no kura vērtība ir spēkā (dd.mm.gggg).</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>EUR per</source>
        <translation>EUR par</translation>
    </message>
    <message>
        <source>— (the shipped default applies)</source>
        <translation>— (spēkā ir programmas noklusētā vērtība)</translation>
    </message>
    <message>
        <source>Enter a percentage from 0 to 100, for example 10.</source>
        <translation>Ievadiet procentus no 0 līdz 100, piemēram, 10.</translation>
    </message>
    <message>
        <source>Enter the amount in EUR, 0 or more, for example 30.</source>
        <translation>Ievadiet summu eiro (0 vai vairāk), piemēram, 30.</translation>
    </message>
    <message>
        <source>Enter a whole number, 0 or more.</source>
        <translation>Ievadiet veselu skaitli (0 vai vairāk).</translation>
    </message>
    <message>
        <source>Enter a whole number above 0.</source>
        <translation>Ievadiet veselu skaitli, lielāku par 0.</translation>
    </message>
    <message>
        <source>Enter a number above 0.</source>
        <translation>Ievadiet skaitli, lielāku par 0.</translation>
    </message>
</context>
<context>
    <name>SettingsModel</name>
    <message>
        <source>Residents per specialist allowed (1:1000 norm)</source>
        <translation>Pieļaujamais iedzīvotāju skaits uz speciālistu (norma 1:1000)</translation>
    </message>
    <message>
        <source>Non-social-work share that warns</source>
        <translation>Nesaistīto pienākumu daļa, virs kuras brīdina</translation>
    </message>
    <message>
        <source>Days a vacancy may stay open</source>
        <translation>Dienas, cik ilgi vakance var būt atvērta</translation>
    </message>
    <message>
        <source>Years after leaving before former staff are anonymised</source>
        <translation>Gadi pēc darba beigām, pēc kuriem bijušos darbiniekus piedāvā anonimizēt</translation>
    </message>
    <message>
        <source>Years the records behind a claim are kept</source>
        <translation>Gadi, cik ilgi glabā kompensācijas pieprasījuma pamatojuma ierakstus</translation>
    </message>
    <message>
        <source>Share of eligible cost compensated</source>
        <translation>Kompensējamā attiecināmo izmaksu daļa</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Iestatījums</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Vērtība</translation>
    </message>
    <message>
        <source>Applies from</source>
        <translation>Spēkā no</translation>
    </message>
    <message>
        <source>Count specialists</source>
        <translation>Speciālistus skaita</translation>
    </message>
    <message>
        <source>Individual supervision a year</source>
        <translation>Individuālā supervīzija gadā</translation>
    </message>
    <message>
        <source>Group supervision a year</source>
        <translation>Grupas supervīzija gadā</translation>
    </message>
    <message>
        <source>Length of an academic hour</source>
        <translation>Akadēmiskās stundas garums</translation>
    </message>
    <message>
        <source>Weighted capacity (criteria weights)</source>
        <translation>Svērtā slodzes robeža (kritēriju svariem)</translation>
    </message>
    <message>
        <source>Cost cap, individual supervision in person</source>
        <translation>Izmaksu griesti, individuālā supervīzija klātienē</translation>
    </message>
    <message>
        <source>Cost cap, individual supervision remote</source>
        <translation>Izmaksu griesti, individuālā supervīzija attālināti</translation>
    </message>
    <message>
        <source>Cost cap, group supervision per person</source>
        <translation>Izmaksu griesti, grupas supervīzija uz personu</translation>
    </message>
    <message>
        <source>Employer's social insurance contribution (planning)</source>
        <translation>Darba devēja valsts sociālās apdrošināšanas iemaksas (plānošanai)</translation>
    </message>
    <message>
        <source>Supervision norm counts as met when</source>
        <translation>Supervīzijas norma izpildīta, ja</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>a unit of the list (Criteria and settings → Structural units)</source>
        <translation>struktūrvienība no saraksta (Kritēriji un iestatījumi → Struktūrvienības)</translation>
    </message>
    <message>
        <source>FTE, position, education, salary and unit take the new values from this date; every figure before it (checks, claims, surveys of earlier periods) keeps the earlier values.</source>
        <translation>Slodze, amats, izglītība, mēnešalga un struktūrvienība jaunās vērtības iegūst no šī datuma; visi skaitļi pirms tā (agrāku periodu pārbaudes, pieprasījumi, aptaujas) paliek ar iepriekšējām vērtībām.</translation>
    </message>
    <message>
        <source>(from which date the change applies)</source>
        <translation>(no kura datuma izmaiņas ir spēkā)</translation>
    </message>
    <message>
        <source>Changes apply from:</source>
        <translation>Izmaiņas spēkā no:</translation>
    </message>
    <message>
        <source>From</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Amats</translation>
    </message>
    <message>
        <source>FTE</source>
        <translation>Slodze</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Izglītība</translation>
    </message>
    <message>
        <source>Salary</source>
        <translation>Mēnešalga</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Struktūrvienība</translation>
    </message>
    <message>
        <source>Changes over time</source>
        <translation>Izmaiņas laikā</translation>
    </message>
    <message>
        <source>Enter the date from which the change applies.</source>
        <translation>Ievadiet datumu, no kura izmaiņas ir spēkā.</translation>
    </message>
    <message>
        <source>Edit staff member</source>
        <translation>Labot darbinieku</translation>
    </message>
    <message>
        <source>New staff member</source>
        <translation>Jauns darbinieks</translation>
    </message>
    <message>
        <source>optional, e.g. 010190-12345</source>
        <translation>nav obligāts, piem., 010190-12345</translation>
    </message>
    <message>
        <source>Employee no.:</source>
        <translation>Tabeles nr.:</translation>
    </message>
    <message>
        <source>First name:</source>
        <translation>Vārds:</translation>
    </message>
    <message>
        <source>Last name:</source>
        <translation>Uzvārds:</translation>
    </message>
    <message>
        <source>Personal code:</source>
        <translation>Personas kods:</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Amats:</translation>
    </message>
    <message>
        <source>FTE:</source>
        <translation>Slodze:</translation>
    </message>
    <message>
        <source>Start of employment:</source>
        <translation>Darba sākums:</translation>
    </message>
    <message>
        <source>End of employment:</source>
        <translation>Darba beigas:</translation>
    </message>
    <message>
        <source>Education:</source>
        <translation>Izglītība:</translation>
    </message>
    <message>
        <source>Monthly salary, full time (EUR):</source>
        <translation>Mēnešalga pilnai slodzei (EUR):</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Struktūrvienība:</translation>
    </message>
    <message>
        <source>Specialisation:</source>
        <translation>Specializācija:</translation>
    </message>
    <message>
        <source>Enter the employee number.</source>
        <translation>Ievadiet tabeles numuru.</translation>
    </message>
    <message>
        <source>Enter the first and last name.</source>
        <translation>Ievadiet vārdu un uzvārdu.</translation>
    </message>
    <message>
        <source>FTE must be a number above 0 and at most 1,5 (e.g. 0,5).</source>
        <translation>Slodzei jābūt skaitlim, lielākam par 0 un ne lielākam par 1,5 (piem., 0,5).</translation>
    </message>
    <message>
        <source>Enter the full-time monthly salary in EUR (e.g. 1250,00).</source>
        <translation>Ievadiet mēnešalgu pilnai slodzei EUR (piem., 1250,00).</translation>
    </message>
    <message>
        <source>The end of employment cannot be before its start.</source>
        <translation>Darba beigas nevar būt pirms darba sākuma.</translation>
    </message>
    <message>
        <source>Another staff member already has the employee number %1.</source>
        <translation>Tabeles nr. %1 jau ir citam darbiniekam.</translation>
    </message>
    <message>
        <source>empty while the employment continues</source>
        <translation>tukšs, kamēr darba attiecības turpinās</translation>
    </message>
    <message>
        <source>Enter the start of employment (dd.mm.yyyy).</source>
        <translation>Ievadiet darba attiecību sākuma datumu (dd.mm.gggg).</translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <source>Employee no.</source>
        <translation>Tabeles nr.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Vārds, uzvārds</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Amats</translation>
    </message>
    <message>
        <source>FTE</source>
        <translation>Slodze</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Sākums</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Beigas</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Izglītība</translation>
    </message>
    <message>
        <source>Monthly salary</source>
        <translation>Mēnešalga</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Struktūrvienība</translation>
    </message>
    <message>
        <source>Employment ended on %1</source>
        <translation>Darba attiecības beidzās %1</translation>
    </message>
</context>
<context>
    <name>StaffView</name>
    <message>
        <source>End employment</source>
        <translation>Darba attiecību beigas</translation>
    </message>
    <message>
        <source>Personal data…</source>
        <translation>Personas dati…</translation>
    </message>
    <message>
        <source>Filter by name, number, position…</source>
        <translation>Atlasīt pēc vārda, numura, amata…</translation>
    </message>
    <message>
        <source>Show former staff</source>
        <translation>Rādīt bijušos darbiniekus</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Pievienot…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Labot…</translation>
    </message>
    <message>
        <source>End employment…</source>
        <translation>Beigt darba attiecības…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Dzēst</translation>
    </message>
    <message>
        <source>%1 of %2 staff members shown</source>
        <translation>Parādīti %1 no %2 darbiniekiem</translation>
    </message>
    <message>
        <source>Delete staff member</source>
        <translation>Dzēst darbinieku</translation>
    </message>
    <message>
        <source>Delete %1 (%2)? Their caseloads, duties and training records are deleted too. To keep the history, end the employment instead.</source>
        <translation>Dzēst %1 (%2)? Tiks dzēstas arī viņa lietas, pienākumi un apmācību ieraksti. Lai vēsture saglabātos, labāk izbeidziet darba attiecības.</translation>
    </message>
</context>
<context>
    <name>TrainingView</name>
    <message>
        <source>Filter…</source>
        <translation>Atlasīt…</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Pievienot…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Labot…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Dzēst</translation>
    </message>
    <message>
        <source>Only those short of the norm</source>
        <translation>Tikai tie, kam trūkst stundu</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Gads:</translation>
    </message>
    <message>
        <source>Hours per person this year</source>
        <translation>Stundas pa darbiniekiem šogad</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Ielādē…</translation>
    </message>
    <message>
        <source>individual or group supervision</source>
        <translation>individuālo vai grupas supervīziju</translation>
    </message>
    <message>
        <source>both individual and group supervision</source>
        <translation>gan individuālo, gan grupas supervīziju</translation>
    </message>
    <message>
        <source>Required hours are the yearly norms prorated to the days employed up to %1; the supervision norm is met with %2. Red: short of the norm (%3 of %4 people).</source>
        <translation>Vajadzīgās stundas ir gada norma proporcionāli nostrādātajām dienām līdz %1; supervīzijas normu izpilda ar %2. Sarkans: trūkst līdz normai (%3 no %4 darbiniekiem).</translation>
    </message>
    <message>
        <source>%1 events, %2 hours in %3</source>
        <translation>%3. gadā ierakstu: %1, stundu kopā: %2</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Dzēst ierakstu</translation>
    </message>
    <message>
        <source>Delete %1 of %2 on %3 (%4 h)?</source>
        <translation>Dzēst ierakstu „%1“ (%2, %3, %4 h)?</translation>
    </message>
</context>
<context>
    <name>VacancyDialog</name>
    <message>
        <source>Edit vacancy</source>
        <translation>Labot vakanci</translation>
    </message>
    <message>
        <source>New vacancy</source>
        <translation>Jauna vakance</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Amats:</translation>
    </message>
    <message>
        <source>FTE:</source>
        <translation>Slodze:</translation>
    </message>
    <message>
        <source>Announced:</source>
        <translation>Izsludināta:</translation>
    </message>
    <message>
        <source>Filled on:</source>
        <translation>Aizpildīta:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Piezīmes:</translation>
    </message>
    <message>
        <source>FTE must be a number above 0 and at most 1,5 (e.g. 0,5).</source>
        <translation>Slodzei jābūt skaitlim, lielākam par 0 un ne lielākam par 1,5 (piem., 0,5).</translation>
    </message>
    <message>
        <source>A vacancy cannot be filled before it was announced.</source>
        <translation>Vakanci nevar aizpildīt pirms tās izsludināšanas.</translation>
    </message>
    <message>
        <source>A vacancy for this position announced on this date already exists.</source>
        <translation>Vakance šim amatam ar šo izsludināšanas datumu jau ir.</translation>
    </message>
    <message>
        <source>empty while the vacancy is open</source>
        <translation>tukšs, kamēr vakance ir atvērta</translation>
    </message>
    <message>
        <source>Enter the date the vacancy was announced (dd.mm.yyyy).</source>
        <translation>Ievadiet vakances izsludināšanas datumu (dd.mm.gggg).</translation>
    </message>
</context>
<context>
    <name>VacancyModel</name>
    <message>
        <source>Position</source>
        <translation>Amats</translation>
    </message>
    <message>
        <source>FTE</source>
        <translation>Slodze</translation>
    </message>
    <message>
        <source>Announced</source>
        <translation>Izsludināta</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>Aizpildīta</translation>
    </message>
    <message>
        <source>Days open</source>
        <translation>Atvērta dienas</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Piezīmes</translation>
    </message>
</context>
<context>
    <name>VacancyView</name>
    <message>
        <source>Filter…</source>
        <translation>Atlasīt…</translation>
    </message>
    <message>
        <source>Show filled vacancies</source>
        <translation>Rādīt aizpildītās vakances</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Pievienot…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Labot…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Dzēst</translation>
    </message>
    <message>
        <source>%1 open vacancies</source>
        <translation>Atvērtas vakances: %1</translation>
    </message>
    <message>
        <source>Delete vacancy</source>
        <translation>Dzēst vakanci</translation>
    </message>
    <message>
        <source>Delete the vacancy %1 announced on %2?</source>
        <translation>Dzēst vakanci «%1», izsludinātu %2?</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The file could not be used: %1</source>
        <translation>Failu nevarēja izmantot: %1</translation>
    </message>
    <message>
        <source>Something went wrong that the program did not expect: %1

The details are in the log file.</source>
        <translation>Notika kaut kas, ko programma negaidīja: %1

Sīkāka informācija ir žurnālfailā.</translation>
    </message>
    <message>
        <source>swdesk — error</source>
        <translation>swdesk — kļūda</translation>
    </message>
</context>
<context>
    <name>rules</name>
    <message>
        <source>1:1000 norm</source>
        <translation>Norma 1:1000</translation>
    </message>
    <message>
        <source>Effective ratio</source>
        <translation>Efektīvā attiecība</translation>
    </message>
    <message>
        <source>Caseload over criterion</source>
        <translation>Lietas virs kritērija</translation>
    </message>
    <message>
        <source>Weighted caseload</source>
        <translation>Svērtā slodze</translation>
    </message>
    <message>
        <source>No workload criterion</source>
        <translation>Nav slodzes kritērija</translation>
    </message>
    <message>
        <source>Non-social-work share</source>
        <translation>Nesaistīto pienākumu daļa</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Apmācības</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>Supervīzija</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Izglītība</translation>
    </message>
    <message>
        <source>Pay below scale</source>
        <translation>Alga zem skalas</translation>
    </message>
    <message>
        <source>Long vacancy</source>
        <translation>Ilga vakance</translation>
    </message>
    <message>
        <source>Population missing</source>
        <translation>Nav iedzīvotāju skaita</translation>
    </message>
</context>
<context>
    <name>training</name>
    <message>
        <source>Training</source>
        <translation>Apmācības</translation>
    </message>
    <message>
        <source>Individual supervision</source>
        <translation>Individuālā supervīzija</translation>
    </message>
    <message>
        <source>Group supervision</source>
        <translation>Grupas supervīzija</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Klātiene</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Attālināti</translation>
    </message>
    <message>
        <source>h</source>
        <translation>h</translation>
    </message>
    <message>
        <source>acad. h</source>
        <translation>ak. st.</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>astronomiskās stundas</translation>
    </message>
    <message>
        <source>academic hours</source>
        <translation>akadēmiskās stundas</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minūtes</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>Mape</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fails</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>%1 fails</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Disks</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Saīsne</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Aizstājvārds</translation>
    </message>
</context>
<context>
    <name>LmWindow</name>
    <message>
        <source>LM summary — swdesk</source>
        <translation>LM kopsavilkums — swdesk</translation>
    </message>
    <message>
        <source>Choose the folder with the surveys or claims the social services sent (.xlsx files, also inside .zip files). The files are only read: nothing in the folder is changed or moved.</source>
        <translation>Izvēlieties mapi ar sociālo dienestu atsūtītajām aptaujām vai pieprasījumiem (.xlsx faili, arī .zip failos). Faili tiek tikai lasīti: mapē nekas netiek mainīts vai pārvietots.</translation>
    </message>
    <message>
        <source>folder with the mailed files</source>
        <translation>mape ar atsūtītajiem failiem</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Izvēlēties…</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Mape:</translation>
    </message>
    <message>
        <source>optional: last year's consolidated workbook (.xlsx)</source>
        <translation>nav obligāti: pagājušā gada kopsavilkums (.xlsx)</translation>
    </message>
    <message>
        <source>Survey date:</source>
        <translation>Aptaujas datums:</translation>
    </message>
    <message>
        <source>Previous year:</source>
        <translation>Iepriekšējais gads:</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>Aptaujas</translation>
    </message>
    <message>
        <source>2025, 2025-H1 or H2, 2025-Q1…Q4, 2025-9M</source>
        <translation>2025, 2025-H1 vai H2, 2025-Q1…Q4, 2025-9M</translation>
    </message>
    <message>
        <source>optional, e.g. 0,70; empty: the rate in force or the claim's own</source>
        <translation>nav obligāti, piemēram, 0,70; tukšs: spēkā esošā vai pieprasījuma likme</translation>
    </message>
    <message>
        <source>Claim period:</source>
        <translation>Pieprasījumu periods:</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>Likme:</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Pieprasījumi</translation>
    </message>
    <message>
        <source>Read the files</source>
        <translation>Nolasīt failus</translation>
    </message>
    <message>
        <source>Save as Excel…</source>
        <translation>Saglabāt kā Excel…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Saglabāt kā PDF…</translation>
    </message>
    <message>
        <source>No folder read yet.</source>
        <translation>Neviena mape vēl nav nolasīta.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fails</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Pašvaldība</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Vērtējums</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Faili</translation>
    </message>
    <message>
        <source>Municipalities</source>
        <translation>Pašvaldības</translation>
    </message>
    <message>
        <source>Folder with the mailed files</source>
        <translation>Mape ar atsūtītajiem failiem</translation>
    </message>
    <message>
        <source>Last year's consolidation</source>
        <translation>Pagājušā gada kopsavilkums</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel darbgrāmatas (*.xlsx)</translation>
    </message>
    <message>
        <source>LM summary</source>
        <translation>LM kopsavilkums</translation>
    </message>
    <message>
        <source>Choose an existing folder.</source>
        <translation>Izvēlieties mapi, kas eksistē.</translation>
    </message>
    <message>
        <source>The rate must be a number from 0 to 1, e.g. 0,70.</source>
        <translation>Likmei jābūt skaitlim no 0 līdz 1, piemēram, 0,70.</translation>
    </message>
    <message>
        <source>Reading the files…</source>
        <translation>Lasa failus…</translation>
    </message>
    <message>
        <source>%1 files, %2 accepted; surveys from %3 of 43 municipalities. Nationally %4 residents per specialist FTE; the 1:1000 norm met in %5 municipalities; %6 vacancies.</source>
        <translation>Faili: %1, pieņemti: %2; aptaujas no %3 no 43 pašvaldībām. Valstī %4 iedzīvotāji uz speciālista slodzi; norma 1:1000 izpildīta %5 pašvaldībās; vakances: %6.</translation>
    </message>
    <message>
        <source>No accepted survey: %1.</source>
        <translation>Nav pieņemtas aptaujas: %1.</translation>
    </message>
    <message>
        <source>%1 files, %2 accepted. Claimed %3 EUR, verified %4 EUR; %5 rows differ; %6 duplicates.</source>
        <translation>Faili: %1, pieņemti: %2. Pieprasīts %3 EUR, pārbaudot %4 EUR; rindas ar atšķirībām: %5; dubulti: %6.</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Atšķirības</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Reģions</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>Iedzīvotāji</translation>
    </message>
    <message>
        <source>Specialists' FTE</source>
        <translation>Speciālistu slodzes</translation>
    </message>
    <message>
        <source>Residents per FTE</source>
        <translation>Iedz. uz slodzi</translation>
    </message>
    <message>
        <source>1:1000</source>
        <translation>1:1000</translation>
    </message>
    <message>
        <source>Vacancies</source>
        <translation>Vakances</translation>
    </message>
    <message>
        <source>Below scale</source>
        <translation>Zem skalas</translation>
    </message>
    <message>
        <source>Edited after export</source>
        <translation>Labots pēc eksporta</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>jā</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nē</translation>
    </message>
    <message>
        <source>Difference or duplicate</source>
        <translation>Atšķirība vai dublikāts</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF dokumenti (*.pdf)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Saglabāt kā</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Saglabāts: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fails</translation>
    </message>
    <message>
        <source>This PC belongs to a social service…</source>
        <translation>Šis dators ir sociālajam dienestam…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Aizvērt</translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <source>Figure</source>
        <translation>Rādītājs</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Staff member</source>
        <translation>Darbinieks</translation>
    </message>
    <message>
        <source>Training still needed, h</source>
        <translation>Apmācībām vēl vajag, h</translation>
    </message>
    <message>
        <source>Training still compensable, h</source>
        <translation>Apmācības vēl kompensējamas, h</translation>
    </message>
    <message>
        <source>Training planned, h</source>
        <translation>Apmācības plānotas, h</translation>
    </message>
    <message>
        <source>Supervision planned, h</source>
        <translation>Supervīzija plānota, h</translation>
    </message>
    <message>
        <source>Expected compensation, EUR</source>
        <translation>Paredzamā kompensācija, EUR</translation>
    </message>
</context>
<context>
    <name>PlannedEventDialog</name>
    <message>
        <source>Plan an event</source>
        <translation>Plānot notikumu</translation>
    </message>
    <message>
        <source>Staff member:</source>
        <translation>Darbinieks:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Datums:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Veids:</translation>
    </message>
    <message>
        <source>Hours:</source>
        <translation>Stundas:</translation>
    </message>
    <message>
        <source>Cost per person, EUR:</source>
        <translation>Izmaksas uz personu, EUR:</translation>
    </message>
    <message>
        <source>Invoice no.:</source>
        <translation>Rēķina nr.:</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>Tēma:</translation>
    </message>
    <message>
        <source>Enter the date of the event (dd.mm.yyyy).</source>
        <translation>Ievadiet notikuma datumu (dd.mm.gggg).</translation>
    </message>
    <message>
        <source>Enter the hours, e.g. 8 or 1,5.</source>
        <translation>Ievadiet stundas, piem. 8 vai 1,5.</translation>
    </message>
</context>
<context>
    <name>PlannedEventsModel</name>
    <message>
        <source>Date</source>
        <translation>Datums</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>Darbinieks</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Veids</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stundas</translation>
    </message>
    <message>
        <source>Compensable, h</source>
        <translation>Kompensējamas, h</translation>
    </message>
    <message>
        <source>Compensation, EUR</source>
        <translation>Kompensācija, EUR</translation>
    </message>
    <message>
        <source>Cap</source>
        <translation>Limits</translation>
    </message>
    <message>
        <source>past the cap</source>
        <translation>pārsniedz limitu</translation>
    </message>
</context>
<context>
    <name>PlanningView</name>
    <message>
        <source>New…</source>
        <translation>Jauns…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Dzēst</translation>
    </message>
    <message>
        <source>Scenarios (ticked ones are compared):</source>
        <translation>Scenāriji (atzīmētos salīdzina):</translation>
    </message>
    <message>
        <source>Changes of the chosen scenario:</source>
        <translation>Izvēlētā scenārija izmaiņas:</translation>
    </message>
    <message>
        <source>Budget justification (PDF)…</source>
        <translation>Budžeta pamatojums (PDF)…</translation>
    </message>
    <message>
        <source>Budget justification (xlsx)…</source>
        <translation>Budžeta pamatojums (xlsx)…</translation>
    </message>
    <message>
        <source>Plan an event…</source>
        <translation>Plānot notikumu…</translation>
    </message>
    <message>
        <source>Mark as done</source>
        <translation>Atzīmēt kā notikušu</translation>
    </message>
    <message>
        <source>Remove from the plan</source>
        <translation>Izņemt no plāna</translation>
    </message>
    <message>
        <source>Planned events (counted in no claim, check or survey until done):</source>
        <translation>Plānotie notikumi (neviens pieprasījums, pārbaude vai aptauja tos neskaita, kamēr tie nav notikuši):</translation>
    </message>
    <message>
        <source>Scenarios beside today</source>
        <translation>Scenāriji blakus šodienai</translation>
    </message>
    <message>
        <source>Training plan</source>
        <translation>Mācību plāns</translation>
    </message>
    <message>
        <source>Residents per social work specialist (R1)</source>
        <translation>Iedzīvotāji uz vienu sociālā darba speciālistu (R1)</translation>
    </message>
    <message>
        <source>norm 1:%1</source>
        <translation>norma 1:%1</translation>
    </message>
    <message>
        <source>The checks of %1 as of %2 with each scenario&apos;s changes in force; the cost is for the year of the scenario&apos;s date.</source>
        <translation>%1. gada pārbaudes uz %2, katra scenārija izmaiņām esot spēkā; izmaksas ir scenārija datuma gadam.</translation>
    </message>
    <message>
        <source>From %1:</source>
        <translation>No %1:</translation>
    </message>
    <message>
        <source>Training plan of %1: expected compensation %2</source>
        <translation>%1. gada mācību plāns: paredzamā kompensācija %2</translation>
    </message>
    <message>
        <source>Delete scenario</source>
        <translation>Dzēst scenāriju</translation>
    </message>
    <message>
        <source>Delete the scenario %1?</source>
        <translation>Dzēst scenāriju «%1»?</translation>
    </message>
    <message>
        <source>Save the budget justification</source>
        <translation>Saglabāt budžeta pamatojumu</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Aprēķina…</translation>
    </message>
</context>
<context>
    <name>ScenarioDialog</name>
    <message>
        <source>New scenario</source>
        <translation>Jauns scenārijs</translation>
    </message>
    <message>
        <source>EUR a month, full time</source>
        <translation>EUR mēnesī pilnai slodzei</translation>
    </message>
    <message>
        <source>structural unit (optional)</source>
        <translation>struktūrvienība (nav obligāta)</translation>
    </message>
    <message>
        <source>Add posts</source>
        <translation>Pievienot amatus</translation>
    </message>
    <message>
        <source>Add leaver</source>
        <translation>Pievienot aizejošo</translation>
    </message>
    <message>
        <source>% of the hours</source>
        <translation>% no stundām</translation>
    </message>
    <message>
        <source>h a month per person</source>
        <translation>h mēnesī katram</translation>
    </message>
    <message>
        <source>Move away</source>
        <translation>Nodot citiem</translation>
    </message>
    <message>
        <source>no forecast</source>
        <translation>nav prognozes</translation>
    </message>
    <message>
        <source>Raise every salary below the scale minimum to it</source>
        <translation>Visas mēnešalgas zem skalas minimuma paaugstināt līdz minimumam</translation>
    </message>
    <message>
        <source>Remove the chosen change</source>
        <translation>Noņemt izvēlēto izmaiņu</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nosaukums:</translation>
    </message>
    <message>
        <source>Changes apply from:</source>
        <translation>Izmaiņas spēkā no:</translation>
    </message>
    <message>
        <source>New posts:</source>
        <translation>Jauni amati:</translation>
    </message>
    <message>
        <source>Leaves:</source>
        <translation>Aiziet:</translation>
    </message>
    <message>
        <source>Non-social-work hours:</source>
        <translation>Nesaistītās stundas:</translation>
    </message>
    <message>
        <source>Population forecast:</source>
        <translation>Iedzīvotāju prognoze:</translation>
    </message>
    <message>
        <source>Changes:</source>
        <translation>Izmaiņas:</translation>
    </message>
    <message>
        <source>FTE must be a number above 0 and at most 1,5 (e.g. 0,5).</source>
        <translation>Slodzei jābūt skaitlim virs 0 un ne vairāk kā 1,5 (piem. 0,5).</translation>
    </message>
    <message>
        <source>Enter the monthly salary for full time in EUR.</source>
        <translation>Ievadiet mēnešalgu pilnai slodzei, EUR.</translation>
    </message>
    <message>
        <source>Enter a share from 0 to 100 % or hours above 0.</source>
        <translation>Ievadiet daļu no 0 līdz 100 % vai stundas virs 0.</translation>
    </message>
    <message>
        <source>Enter the date the changes would apply from.</source>
        <translation>Ievadiet datumu, no kura izmaiņas stātos spēkā.</translation>
    </message>
    <message>
        <source>posts</source>
        <translation>amati</translation>
    </message>
    <message>
        <source>FTE each</source>
        <translation>slodze katram</translation>
    </message>
    <message>
        <source>monthly salary, EUR</source>
        <translation>mēnešalga, EUR</translation>
    </message>
</context>
<context>
    <name>PersonalDataDialog</name>
    <message>
        <source>Personal data</source>
        <translation>Personas dati</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>Darbinieks</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Saglabāt PDF…</translation>
    </message>
    <message>
        <source>Save as Excel workbook…</source>
        <translation>Saglabāt Excel darbgrāmatu…</translation>
    </message>
    <message>
        <source>Erase…</source>
        <translation>Dzēst…</translation>
    </message>
    <message>
        <source>Former staff due for anonymisation</source>
        <translation>Bijušie darbinieki, kurus anonimizēt</translation>
    </message>
    <message>
        <source>Employee no.</source>
        <translation>Tabeles nr.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Vārds, uzvārds</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Amats</translation>
    </message>
    <message>
        <source>Employment ended</source>
        <translation>Darba beigas</translation>
    </message>
    <message>
        <source>Anonymise…</source>
        <translation>Anonimizēt…</translation>
    </message>
    <message>
        <source>Employment ended %1 or more years ago (setting %2). Anonymising replaces the name, employee number, personal code and specialisation; every figure stays for past reports and claims. A backup is made first.</source>
        <translation>Darba attiecības beigušās pirms %1 vai vairāk gadiem (iestatījums %2). Anonimizējot vārds, tabeles numurs, personas kods un specializācija tiek aizstāti; visi skaitļi paliek iepriekšējiem ziņojumiem un pieprasījumiem. Vispirms tiek izveidots dublējums.</translation>
    </message>
    <message>
        <source>Nobody is due.</source>
        <translation>Neviena nav.</translation>
    </message>
    <message>
        <source>Choose a staff member in Darbinieki to see their data.</source>
        <translation>Izvēlieties darbinieku sadaļā Darbinieki, lai redzētu viņa datus.</translation>
    </message>
    <message>
        <source>%1 (employee no. %2): %3 caseload, %4 duty and %5 training records.</source>
        <translation>%1 (tabeles nr. %2): lietu ieraksti: %3, pienākumu ieraksti: %4, apmācību ieraksti: %5.</translation>
    </message>
    <message>
        <source>Cannot be erased now: %1.</source>
        <translation>Pašlaik dzēst nevar: %1.</translation>
    </message>
    <message>
        <source>No retention duty applies: the data can be erased on request.</source>
        <translation>Glabāšanas pienākuma nav: pēc pieprasījuma datus var dzēst.</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF dokumenti (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel darbgrāmatas (*.xlsx)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Saglabāt kā</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Saglabā…</translation>
    </message>
    <message>
        <source>Erase personal data</source>
        <translation>Dzēst personas datus</translation>
    </message>
    <message>
        <source>Erase %1 (employee no. %2) and every record about them: %3 caseload, %4 duty and %5 training records? This cannot be undone; figures of past reports change.</source>
        <translation>Dzēst %1 (tabeles nr. %2) un visus ierakstus par viņu: lietu ieraksti: %3, pienākumu ieraksti: %4, apmācību ieraksti: %5? To nevar atsaukt; iepriekšējo ziņojumu skaitļi mainīsies.</translation>
    </message>
    <message>
        <source>Erasing…</source>
        <translation>Dzēš…</translation>
    </message>
    <message>
        <source>Anonymise former staff</source>
        <translation>Anonimizēt bijušos darbiniekus</translation>
    </message>
    <message>
        <source>Anonymise %1 former staff members? Their names, employee numbers and personal codes are replaced in one step after a backup; the figures stay. This cannot be undone (the backup keeps the old data: delete it once you have checked the result).</source>
        <translation>Anonimizēt bijušos darbiniekus (%1)? Pēc dublējuma viņu vārdi, tabeles numuri un personas kodi tiks aizstāti vienā solī; skaitļi paliks. To nevar atsaukt (dublējumā paliek vecie dati: izdzēsiet to, kad rezultāts pārbaudīts).</translation>
    </message>
    <message>
        <source>Anonymising…</source>
        <translation>Anonimizē…</translation>
    </message>
    <message>
        <source>Anonymised: %1. The backup made before is %2.</source>
        <translation>Anonimizēti: %1. Pirms tam izveidotais dublējums: %2.</translation>
    </message>
</context>
<context>
    <name>QLocale</name>
    <message>
        <source>bytes</source>
        <translation>baiti</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>%1, undone</source>
        <translation>%1, atsaukts</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Izmaiņa</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lauks</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Jaunā vērtība</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>Iepriekšējā vērtība</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Ieraksts</translation>
    </message>
    <message>
        <source>Through</source>
        <translation>Ar ko</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Kad</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Kas</translation>
    </message>
    <message>
        <source>command swdesk %1</source>
        <translation>komanda swdesk %1</translation>
    </message>
    <message>
        <source>form %1</source>
        <translation>forma «%1»</translation>
    </message>
    <message>
        <source>grid %1</source>
        <translation>režģis «%1»</translation>
    </message>
    <message>
        <source>undo of %1</source>
        <translation>atsaukšana: %1</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Caseload grid</source>
        <translation>Lietu režģis</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Komandas</translation>
    </message>
    <message>
        <source>Employee no.</source>
        <translation>Tabeles nr.</translation>
    </message>
    <message>
        <source>Every record</source>
        <translation>Visi ieraksti</translation>
    </message>
    <message>
        <source>Every source</source>
        <translation>Visi avoti</translation>
    </message>
    <message>
        <source>Forms</source>
        <translation>Formas</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>No:</translation>
    </message>
    <message>
        <source>Imports</source>
        <translation>Imports</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>Persona:</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>Ieraksts:</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Rādīt</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Avots:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Līdz:</translation>
    </message>
    <message>
        <source>Undone imports</source>
        <translation>Importu atsaukšana</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Lietotājs</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Lietotājs:</translation>
    </message>
</context>
<context>
    <name>ImportLogModel</name>
    <message>
        <source>Added</source>
        <translation>Pievienoti</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Mainīti</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fails</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stāvoklis</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Kad</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Kas</translation>
    </message>
    <message>
        <source>before the change history: cannot be undone</source>
        <translation>pirms izmaiņu vēstures: nevar atsaukt</translation>
    </message>
    <message>
        <source>undone %1</source>
        <translation>atsaukts %1</translation>
    </message>
</context>
<context>
    <name>RecordHistoryDialog</name>
    <message>
        <source>History: %1</source>
        <translation>Vēsture: %1</translation>
    </message>
    <message>
        <source>No changes of this record have been recorded.</source>
        <translation>Šim ierakstam izmaiņas nav reģistrētas.</translation>
    </message>
</context>
<context>
    <name>UndoRefusedDialog</name>
    <message>
        <source>Undo import</source>
        <translation>Atsaukt importu</translation>
    </message>
</context>
<context>
    <name>record_forms</name>
    <message>
        <source>History…</source>
        <translation>Vēsture…</translation>
    </message>
</context>
<context>
    <name>history</name>
    <message>
        <source>Setting</source>
        <translation>Iestatījums</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kods</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Vadītājs</translation>
    </message>
    <message>
        <source>Parent unit</source>
        <translation>Augstākā struktūrvienība</translation>
    </message>
    <message>
        <source>Salary group</source>
        <translation>Mēnešalgu grupa</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Gads</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Minimums</translation>
    </message>
    <message>
        <source>Middle</source>
        <translation>Vidus</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Maksimums</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Veids</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Forma</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minūtes</translation>
    </message>
    <message>
        <source>Duration unit</source>
        <translation>Ilguma mērvienība</translation>
    </message>
    <message>
        <source>Invoice no.</source>
        <translation>Rēķina nr.</translation>
    </message>
    <message>
        <source>Certified supervisor</source>
        <translation>Sertificēts supervizors</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Plānots</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Pašvaldība</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>Darbinieks</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Piezīme</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nē</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>jā</translation>
    </message>
    <message>
        <source>Employee no.</source>
        <translation>Tabeles nr.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vārds</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Uzvārds</translation>
    </message>
    <message>
        <source>Personal code</source>
        <translation>Personas kods</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Amats</translation>
    </message>
    <message>
        <source>FTE</source>
        <translation>Slodze</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Darba sākums</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Darba beigas</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Izglītība</translation>
    </message>
    <message>
        <source>Salary</source>
        <translation>Mēnešalga</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Struktūrvienība</translation>
    </message>
    <message>
        <source>Specialisation</source>
        <translation>Specializācija</translation>
    </message>
    <message>
        <source>Announced</source>
        <translation>Izsludināta</translation>
    </message>
    <message>
        <source>Filled on</source>
        <translation>Aizpildīta</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Piezīmes</translation>
    </message>
    <message>
        <source>Work type</source>
        <translation>Darba veids</translation>
    </message>
    <message>
        <source>Unit of measure</source>
        <translation>Mērvienība</translation>
    </message>
    <message>
        <source>Max per FTE a month</source>
        <translation>Maks. uz slodzi mēnesī</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Svars</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mēnesis</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Lietas</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Iesniegumi</translation>
    </message>
    <message>
        <source>Persons served</source>
        <translation>Apkalpotās personas</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datums</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stundas</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorija</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Apraksts</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Ilgums</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tēma</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Nodrošinātājs</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Izmaksas</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>Iedzīvotāji</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Vērtība</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Spēkā no</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nosaukums</translation>
    </message>
</context>
<context>
    <name>UnitFilter</name>
    <message>
        <source>Show the figures and lists of one structural unit (its sub-units included)</source>
        <translation>Rādīt vienas struktūrvienības (kopā ar tās apakšvienībām) rādītājus un sarakstus</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Visas</translation>
    </message>
    <message>
        <source>Structural unit</source>
        <translation>Struktūrvienība</translation>
    </message>
    <message>
        <source>Structural unit:</source>
        <translation>Struktūrvienība:</translation>
    </message>
</context>
<context>
    <name>UnitModel</name>
    <message>
        <source>Structural unit</source>
        <translation>Struktūrvienība</translation>
    </message>
    <message>
        <source>Staff today</source>
        <translation>Darbinieki šodien</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Vadītājs</translation>
    </message>
    <message>
        <source>Parent unit</source>
        <translation>Augstākā struktūrvienība</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <source>Structural unit</source>
        <translation>Struktūrvienība</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nav)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nosaukums:</translation>
    </message>
    <message>
        <source>Head:</source>
        <translation>Vadītājs:</translation>
    </message>
    <message>
        <source>Parent unit:</source>
        <translation>Augstākā struktūrvienība:</translation>
    </message>
</context>
<context>
    <name>UnitsPage</name>
    <message>
        <source>A staff member&apos;s unit is chosen from this list (from a date, on the staff member&apos;s form). Choosing a unit in the toolbar shows its figures and lists, its sub-units included.</source>
        <translation>Darbinieka struktūrvienību izvēlas no šī saraksta (no datuma, darbinieka kartītē). Izvēloties struktūrvienību rīkjoslā, visi skati rāda tās (un tās apakšvienību) rādītājus un sarakstus.</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Pievienot…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Labot…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Dzēst</translation>
    </message>
    <message>
        <source>Delete the structural unit</source>
        <translation>Dzēst struktūrvienību</translation>
    </message>
    <message>
        <source>Delete the structural unit “%1”?</source>
        <translation>Dzēst struktūrvienību «%1»?</translation>
    </message>
</context>
<context>
    <name>EncryptionUi</name>
    <message>
        <source>Encrypt the database</source>
        <translation>Šifrēt datubāzi</translation>
    </message>
    <message>
        <source>Encrypt %1 and its backups? The key is kept in this computer&apos;s credential store; a recovery key is shown once, to print and keep in a safe. The database is converted through a verified copy; close any other swdesk window first.</source>
        <translation>Šifrēt %1 un tās dublējumus? Atslēga glabāsies šī datora akreditācijas datu krātuvē; atkopšanas atslēga tiks parādīta vienreiz — izdrukājiet to un glabājiet seifā. Datubāze tiek pārveidota caur pārbaudītu kopiju; vispirms aizveriet citus swdesk logus.</translation>
    </message>
    <message>
        <source>Decrypt the database</source>
        <translation>Atšifrēt datubāzi</translation>
    </message>
    <message>
        <source>Decrypt %1 and its backups? Anyone who has the file will then be able to read the staff&apos;s data.</source>
        <translation>Atšifrēt %1 un tās dublējumus? Pēc tam ikviens, kam ir šis fails, varēs izlasīt darbinieku datus.</translation>
    </message>
    <message>
        <source>Encrypt the database (recommended)</source>
        <translation>Šifrēt datubāzi (ieteicams)</translation>
    </message>
    <message>
        <source>The key is kept in this computer&apos;s credential store; a recovery key to print is shown once.</source>
        <translation>Atslēga glabāsies šī datora akreditācijas datu krātuvē; atkopšanas atslēga izdrukāšanai tiks parādīta vienreiz.</translation>
    </message>
    <message>
        <source>Encryption is not available: %1.</source>
        <translation>Šifrēšana nav pieejama: %1.</translation>
    </message>
    <message>
        <source>Encrypting the database…</source>
        <translation>Šifrē datubāzi…</translation>
    </message>
    <message>
        <source>Decrypting the database…</source>
        <translation>Atšifrē datubāzi…</translation>
    </message>
    <message>
        <source>&amp;Encrypt the database…</source>
        <translation>Šif&amp;rēt datubāzi…</translation>
    </message>
    <message>
        <source>Decr&amp;ypt the database…</source>
        <translation>A&amp;tšifrēt datubāzi…</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Recovery key</source>
        <translation>Atkopšanas atslēga</translation>
    </message>
    <message>
        <source>The database is encrypted. Its key is kept in this computer&apos;s credential store, so nothing needs typing at start. The recovery key below is the only other way to open the database (on a new computer, for another Windows user, after a reinstall). It is shown only now: print it and keep it in a safe, apart from the computer.</source>
        <translation>Datubāze ir šifrēta. Tās atslēga glabājas šī datora akreditācijas datu krātuvē, tāpēc, programmu atverot, nekas nav jāievada. Zemāk redzamā atkopšanas atslēga ir vienīgais cits veids, kā datubāzi atvērt (jaunā datorā, citam Windows lietotājam, pēc pārinstalēšanas). Tā tiek parādīta tikai tagad: izdrukājiet to un glabājiet seifā, atsevišķi no datora.</translation>
    </message>
    <message>
        <source>Save the sheet to print (PDF)…</source>
        <translation>Saglabāt lapu izdrukai (PDF)…</translation>
    </message>
    <message>
        <source>I have printed or written down the recovery key</source>
        <translation>Esmu izdrukājis vai pierakstījis atkopšanas atslēgu</translation>
    </message>
    <message>
        <source>Save the recovery key sheet</source>
        <translation>Saglabāt atkopšanas atslēgas lapu</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF dokuments (*.pdf)</translation>
    </message>
    <message>
        <source>Saved: %1. Print it, then delete the file: a copy on this computer helps a thief.</source>
        <translation>Saglabāts: %1. Izdrukājiet to un tad izdzēsiet failu: kopija šajā datorā noderētu zaglim.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyEntry</name>
    <message>
        <source>Enter the recovery key</source>
        <translation>Ievadīt atkopšanas atslēgu</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Atvērt</translation>
    </message>
    <message>
        <source>Recovery key (from the printed sheet &quot;Atkopšanas atslēga&quot;):</source>
        <translation>Atkopšanas atslēga (no izdrukātās lapas «Atkopšanas atslēga»):</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>UserMessages</name>
    <message>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export atlas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export meeting pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file “%1” was not found. Check the folder and the name, or choose another project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file “%1” is not a Sasaran project. Choose a project file (*.sasaran.sqlite), or make a new project from a boundary file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project “%1” was made by a newer version of Sasaran. Update Sasaran to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project “%1” is being changed by another program. Wait a moment and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build of Sasaran cannot open server projects such as “%1”. Open a project file instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server project “%1” could not be opened. Check the address, the project name and your access, or ask the database administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project “%1” could not be opened; it may be damaged. Try a copy of it, or make a new project from a boundary file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The boundary file “%1” does not say its coordinate system. Save it with a coordinate system (for example as a GeoPackage) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project could be made from “%1”. Choose a village boundary file (GeoPackage, Shapefile or GeoJSON) with a code and a name for each village.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This layer has no values for the chosen period. Choose another layer or period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be written: choose a name ending in .pdf, .png or .svg.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” already exists. Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be written. Check that the folder exists, that you may write there and that the file is not open in another program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several areas are called like the capital given: %1. Give the name of one kecamatan, or its code, and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No kecamatan or village of the file is called like the capital given. Give the name as the file writes it, or leave the capital empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capital given is not a name, a code or LON,LAT (longitude first, e.g. 104.62,-5.49).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app::ui::AreaPickerDialog</name>
    <message>
        <source>Choose the pekon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which pekon is “%1”? The choice is kept as another name of that pekon, so the next import finds it by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name, kecamatan or code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Kec. %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this pekon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app::ui::ExportDialog</name>
    <message>
        <source>Export map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As shown on screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the layer, the regency and the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole regency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kecamatan %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app::ui::HotspotsPanel</name>
    <message>
        <source>high-high (hotspot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not significant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not tested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared borders (queen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nearest pekon (k nearest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neighbours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pekon closer than this count as sharing a border (bridges gaps in the boundary file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Border tolerance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of neighbours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permutations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Significance level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct for many tests (false discovery rate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find hotspots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project has no values to look for hotspots in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing hotspots…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period changed while the hotspots were computed: compute them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neighbouring pekon differ more than chance would give (a scattered pattern).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No spatial pattern beyond chance at this significance level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global Moran&apos;s I: %1 (expected without pattern %2), pseudo p = %3 from %4 permutations, z = %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pekon tested, %2 without neighbours, %3 without a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clusters (period %1): %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low-low (cold spot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high-low (outlier)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low-high (outlier)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pekon with similar values (high next to high, low next to low) lie together more than chance would give: there are real clusters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: the hotspots shown were computed before the last change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: no hotspots were computed; the map is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app::ui::ImportWizard</name>
    <message>
        <source>Import data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the kind of data and the file. Nothing is written to the project before the last step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DTSEN/DTKS records (one row per person or household)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facilities (points, or a table naming each pekon)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Village boundaries (replace the project&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet or layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project cannot be changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not kept in a project file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal data stays out: NIK, names and addresses are only counted per pekon. The wizard shows the column headers and counts, never a person&apos;s data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The values and facilities of the project are kept; pekon the file lacks keep their old boundary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the whole file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say which column holds what. The first rows of the file are shown below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 2019 or 2025-S1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period of the values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pekon code column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pekon name column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kecamatan column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators (name: column)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decide from the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household number column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desil column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facility name column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longitude column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latitude column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only when the file declares none, e.g. EPSG:4326</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. BIG 2023</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinate system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edition of the boundaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace values the project already holds for this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name the values get in the project, e.g. miskin or penduduk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kecamatan name field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: nothing was written. Go back to change the choices, or cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(found by itself)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n data row(s) below the header (row %1). The rows hold personal data and are not shown: only their counts per pekon are imported.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s); the first are shown.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n data row(s) below the header (row %1, %2); the first are shown.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1, separated by “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the rows of the file were matched to the pekon of the project. Nothing is written until you press Import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A row marked ambiguous or not found is not imported: select it and choose its pekon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the pekon…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching the rows to the pekon of the project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>similar name (%n letter(s) differ)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another name of the pekon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the same name in several kecamatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The import cannot go ahead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n village(s) in the file.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n village(s) of the file are new to the project; %1 of the project are not in the file and keep their boundary.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; exact · &lt;b&gt;%2&lt;/b&gt; similar name · &lt;b&gt;%3&lt;/b&gt; ambiguous · &lt;b&gt;%4&lt;/b&gt; not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of the extract counted for %1 pekon; no NIK, name or address is kept.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them replacing held values</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n facility(ies)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other name(s) of pekon</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>the new boundaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import writes: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing can be imported yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file adds nothing to the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kecamatan in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pekon of the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>similar name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ambiguous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose the pekon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was written to the project: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n area(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Imported into the project: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicator table (CSV, XLSX, ODS, or a GeoPackage, Shapefile or GeoJSON layer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables and map layers (*.csv *.txt *.xlsx *.ods *.gpkg *.shp *.dbf *.geojson *.json *.kml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roads (a line layer, replacing the project&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app::ui::LayersPanel</name>
    <message>
        <source>Tick a layer to show it; the top layer is drawn above the others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the layer up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the layer down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opacity of the chosen layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Travel time over the terrain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours the pekon by the minutes on foot and by road to the nearest destination (slopes by Tobler&apos;s hiking function, roads at their class speeds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upper bounds of the classes in whole minutes, ascending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classes (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the regency capital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the nearest %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the travel times…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project has no facilities and no regency capital to travel to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give 1 to 8 class limits in whole minutes, ascending, e.g. 15, 30, 60, 120.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cell size of the terrain model: smaller cells follow the terrain more closely and take longer (100 m: about a second for a regency)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cell size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops computing the travel times; the layer goes off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; switch the layer on to compute it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app::ui::LegendPanel</name>
    <message>
        <source>No project open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1   (%2 pekon)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1   (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high-high (hotspot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low-low (cold spot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high-low (outlier)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low-high (outlier)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not significant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not tested (no neighbour or no value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National or provincial road</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regency road</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local or village road</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Footpath or track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ferry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed new sites (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the regency capital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the nearest %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Travel time to %1 (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&gt; %1 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app::ui::MainWindow</name>
    <message>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distance %1 km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; area of the closed shape %1 km²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New project from a boundary file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recent projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;Tanggamus example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save a copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export map…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;atlas per kecamatan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export meeting &amp;pack (Rakor)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole &amp;regency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom to &amp;kecamatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom to the &amp;selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pan and identify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Zoom to a box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Measure distance and area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sasaran — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pekon at %1°, %2°</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2), Kec. %3: %4 = %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The map was exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pekon profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pekon table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hotspots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POKDARWIS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import is off: this project cannot be changed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import is off: open a project first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a table, records, facilities or boundaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app::ui::MapCanvas</name>
    <message>
        <source>counts from 1 to %1 are shown as no data so that no family can be recognised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>small counts are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RESTRICTED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures derived from DTSEN/DTKS personal data (UU 27/2022):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app::ui::NewProjectDialog</name>
    <message>
        <source>New project from a boundary file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fields below were detected in %1. Change any that are wrong; the preview shows the villages as the project will hold them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name of a kecamatan or village, e.g. Kota Agung (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. BIG RBI 2023 (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. EPSG:4326 or EPSG:32748</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the new project as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sasaran projects (*.sasaran.sqlite)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Village code field (Kemendagri)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Village name field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kecamatan name field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BPS code field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regency name field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A village is called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regency capital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edition of the boundaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRS of the coordinates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the project as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All (%1 villages)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 (%3 villages)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(name unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file does not say the CRS of its coordinates: give it above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the file: %1 (fill in only to replace it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 features: %2 villages, %3 kecamatan/regency features, %4 without a Kemendagri code (not imported).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No village code field was found: choose the field that holds the Kemendagri code (such as KDEPUM, 18.06.20.2001 or 1806202001).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A field chosen is not in this layer: choose the fields again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code field holds BPS codes, not Kemendagri codes: choose the field with the Kemendagri code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No feature has a village code in this field: choose the field with the village codes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read as boundaries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say where to save the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none: the code is shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (national reference)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app::ui::PlacementPanel</name>
    <message>
        <source>New facilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximal covering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortest distance (p-median)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reach of one facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Travel time by road</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate pekon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pekon without this kind of facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pekon matching a rule on a column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pekon selected on the map or in the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each facility, existing or new, serves at most this many poor people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> poor people per facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pekon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Served</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save in the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved proposals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached before → after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show on the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use in the meeting pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select two proposals to compare them side by side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no %1 yet: every site is new.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 existing %2 stay where they are and count as reaching what they reach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brings the poor people closer to the nearest facility on average.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reaches as many poor people as possible within the reach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select pekon on the map or in the table first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pekon selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved in the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for the best sites (%1)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one new site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reach must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capacity must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The candidates give no pekon to place a site in (or too many for the shortest-distance method): change the rule or the selection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: nothing was proposed or saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 new %2&lt;/b&gt; within %3, among %4 candidate pekon; %5 poor people in all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 before: &lt;b&gt;%2&lt;/b&gt; (%3); after: &lt;b&gt;%4&lt;/b&gt; (%5); newly %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under the capacity %1 poor people are left unserved; %2 pekon are served in part, %3 not at all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access (2SFCA, %1 per 1,000 poor people within reach): before %2, after &lt;b&gt;%3&lt;/b&gt;; pekon with none within reach: %4 → %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same %1 sites in the highest-priority pekon would reach %2 (%3), newly %4, against %5 by this proposal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean distance of a poor person to the nearest %1: before %2, after &lt;b&gt;%3 %4&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pekon cannot be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as proposal %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shortest distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maximal covering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ in the pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposal %1: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposal %1 is on the map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The meeting pack will show proposal %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newly reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean distance after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites (in order)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pekon without the kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 chosen pekon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project has no road network, so reach is measured as distance. Import a road layer (Import data, Roads) to plan by travel time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app::ui::PokdarwisPanel</name>
    <message>
        <source>Attractions near</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closeness to the regency capital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poverty rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attractions within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank candidate pekon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pekon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To the capital (km)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poverty rate (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give at least one weight above zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has a group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not ranked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pekon ranked; %2 already have a POKDARWIS (not ranked); %3 attractions (WISATA) in the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without attractions the ranking rests on access and poverty only: import the tourism sites as facilities of kind WISATA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attractions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attractions (WISATA) within the chosen distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access by road: travel minutes to the capital and the distance to a road</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight: Closeness to a road</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project has no road network, so access is the distance to the capital. Import a road layer (Import data, Roads) to rank by travel time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: the ranking shown was made before the last change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: nothing was ranked; the map is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app::ui::PriorityPanel</name>
    <message>
        <source>Leave the pekon out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the worst value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the middle value (median)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happens to a pekon that has no value for one of the indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pekon without a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the scheme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps these weights in the project under the name given, for everyone who opens it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the default scheme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goes back to the remote-area priority: five indicators with equal weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank stability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many times the weights are changed at random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draws</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each weight changed by up to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count the top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute rank stability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores the pekon again many times with the weights changed a little, and shows how far each rank moves and how often each pekon stays in the top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Higher means more priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower means more priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scaled 0–1 (min–max)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard score (z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank (percentile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the values are brought to one scale before they are weighted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give at least one indicator a weight above zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pekon cannot be scored with these settings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote-area priority (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No analysis yet: the project needs boundaries, poverty figures and the regency capital.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheme: &lt;b&gt;%1&lt;/b&gt; — &lt;span style=&apos;color:#b36b00&apos;&gt;changed, not saved&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheme: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pekon scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; %2 left out for a missing value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schemes cannot be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the scheme a name first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheme was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved in the project as &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank stability could not be computed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weights changed meanwhile: compute again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 draws with each weight changed by up to %2 %: %3 pekon stay in the top %4 in every draw, %5 more in at least half of them. The table shows each pekon&apos;s best and worst rank.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position on the scale (category)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app::ui::ProfilePanel</name>
    <message>
        <source>Click a pekon on the map or in the table to see its profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project has no pekon with the code %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kecamatan: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area: %1 km²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score: %1 of 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not scored: a value the scheme needs is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project has no facilities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nearest (km)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nearest facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high-high (a hotspot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low-low (a cold spot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high-low (high among low neighbours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low-high (low among high neighbours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not significant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not tested (no value or no neighbours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the mainland</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partly on an island (%1 km² off the mainland)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On an island</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No boundary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysis period %1, scheme &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank change against the scheme before editing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank with the weights changed a little: from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the top %1 in %2 % of the draws</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position on the scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app::ui::ProjectActions</name>
    <message>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sasaran projects (*.sasaran.sqlite);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Village boundaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boundary files (*.gpkg *.shp *.geojson *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sasaran projects (*.sasaran.sqlite)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved a copy as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export atlas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export meeting pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the atlas per kecamatan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the meeting pack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the project from %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists. Replace it with the new project?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: %1 was not written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app::ui::RoadImportPage</name>
    <message>
        <source>Roads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The road layer is drawn on the map and gives travel minutes for analysis and placement. Import replaces the roads the project has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Road class field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default speeds (see the README); or a JSON file of class and km/h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length (km)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed (km/h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the speed table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed tables (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, layer %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(detect: highway, fclass, kelas, …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These roads cannot be imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n road(s) in %1 class(es), class from %2. Import replaces the roads of the project.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>no field (every road is &quot;jalan&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was written to the project: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported into the project: %n road(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>app::ui::SearchPanel</name>
    <message>
        <source>Find a pekon or kecamatan by name or code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kecamatan %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several pekon match &apos;%1&apos;: %2. Type more of the name or pick one from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pekon or kecamatan is called &apos;%1&apos;. Check the spelling or search by code.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app::ui::ServerProjectDialog</name>
    <message>
        <source>e.g. 10.18.6.20 or bappelitbang.local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. sasaran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your PostgreSQL user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. tanggamus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leave empty to use ~/.pgpass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server (host)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is used for this session only and is never saved by Sasaran. To keep it, put it in ~/.pgpass (one line host:port:database:user:password, readable by you only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the project: lower-case letters, digits and _.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app::ui::SharedProjects</name>
    <message>
        <source>Open a &amp;server project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy this project &amp;to the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy a server project to a &amp;file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename the project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last changed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last changed by %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read only: %1 Editing is turned off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying the project to the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied %1 areas, %2 facilities and %3 values to %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying the server project to a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a server project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A project shared on the office&apos;s PostgreSQL server. You see what your user may see; if you may only read it, editing is turned off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy this project to the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole project is copied in one step to a new project on the server; the project open here stays as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A project named %1 already exists on the server. Replace it with this one?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy a server project to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole server project is copied into a project file on this computer, to work on it without the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the copy as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sasaran projects (*.sasaran.sqlite)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name shown on maps and in the meeting pack:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project is now named %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>; %n raster(s) (elevation, land cover, population)</source>
        <translation>
            <numerusform>; %n raster (elevation, land cover, population)</numerusform>
            <numerusform>; %n rasters (elevation, land cover, population)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>app::ui::StatusPanel</name>
    <message>
        <source>Scale 1:%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTM %1: %2 m E, %3 m N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1°, %2°</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app::ui::StylePanel</name>
    <message>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority scheme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equal intervals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Natural breaks (Jenks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard deviations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual breaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. %1; %2; %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upper bounds of the classes, ascending, separated by semicolons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote-area priority (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a number. Write the breaks like %2; %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The breaks must grow from left to right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the change of the indicator from this period to the period above (later minus earlier; the poverty rate in percentage points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour only the pekon at this level of the category, e.g. Tidak for the pekon without it; the others are drawn plain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(every level)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app::ui::TablePanel</name>
    <message>
        <source>Filter, e.g. poverty_rate &gt; 20 and n_bumdes = 0 (press Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export selection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes the selected pekon (or every pekon shown when none is selected) to a CSV or Excel file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The filter is not understood at character %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 pekon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no table to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file name ending in .csv or .xlsx.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV table (*.csv);;Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app::ui::VillageTableModel</name>
    <message>
        <source>the regency capital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the kecamatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area (km²)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Population</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poor people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poverty rate (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poor people per km²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poverty rate, smoothed (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Island (0 mainland, 1 partly, 2 wholly)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area off the mainland (km²)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contribution: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distance to %1 (km)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Travel time to %1 (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 inside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No %1 inside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a filter: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best rank in the draws</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worst rank in the draws</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the top %1 (% of draws)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n place(s) higher than with the scheme before editing</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n place(s) lower than with the scheme before editing</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>the same rank as with the scheme before editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IDM status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app::ui::Workspace</name>
    <message>
        <source>Tanggamus (example)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kecamatan names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pekon names (when they fit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facilities: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reach of %1 (%2 km)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pekon (thematic layer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hotspots (LISA) of the poverty rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base map (areas only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boundaries: imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boundaries: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boundaries: illustrative (not official)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values: illustrative (not official figures)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values: none imported yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values: imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may only read this project on the server: ask its owner for write access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project file cannot be written (read-only file or folder): save a copy to edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No temporary folder can be written, so the example cannot be edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project is open for editing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project is not stored anywhere: save a copy to edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hotspots (LISA) of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POKDARWIS candidate score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was written, but the export log of the project could not be: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jalan (roads)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

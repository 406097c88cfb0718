<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>UserMessages</name>
    <message>
        <source>Open project</source>
        <translation>Buka proyek</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Simpan salinan</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Proyek baru</translation>
    </message>
    <message>
        <source>Export map</source>
        <translation>Ekspor peta</translation>
    </message>
    <message>
        <source>Export atlas</source>
        <translation>Ekspor atlas</translation>
    </message>
    <message>
        <source>Export meeting pack</source>
        <translation>Ekspor bahan rakor</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Peta</translation>
    </message>
    <message>
        <source>The file “%1” was not found. Check the folder and the name, or choose another project.</source>
        <translation>Berkas “%1” tidak ditemukan. Periksa folder dan namanya, atau pilih proyek lain.</translation>
    </message>
    <message>
        <source>The file “%1” is not a Sasaran project. Choose a project file (*.sasaran.sqlite), or make a new project from a boundary file.</source>
        <translation>Berkas “%1” bukan proyek Sasaran. Pilih berkas proyek (*.sasaran.sqlite), atau buat proyek baru dari berkas batas wilayah.</translation>
    </message>
    <message>
        <source>The project “%1” was made by a newer version of Sasaran. Update Sasaran to open it.</source>
        <translation>Proyek “%1” dibuat dengan versi Sasaran yang lebih baru. Perbarui Sasaran untuk membukanya.</translation>
    </message>
    <message>
        <source>The project “%1” is being changed by another program. Wait a moment and try again.</source>
        <translation>Proyek “%1” sedang diubah oleh program lain. Tunggu sebentar lalu coba lagi.</translation>
    </message>
    <message>
        <source>This build of Sasaran cannot open server projects such as “%1”. Open a project file instead.</source>
        <translation>Sasaran versi ini tidak dapat membuka proyek server seperti “%1”. Buka berkas proyek saja.</translation>
    </message>
    <message>
        <source>The server project “%1” could not be opened. Check the address, the project name and your access, or ask the database administrator.</source>
        <translation>Proyek server “%1” tidak dapat dibuka. Periksa alamat, nama proyek, dan hak akses Anda, atau hubungi pengelola basis data.</translation>
    </message>
    <message>
        <source>The project “%1” could not be opened; it may be damaged. Try a copy of it, or make a new project from a boundary file.</source>
        <translation>Proyek “%1” tidak dapat dibuka; mungkin berkasnya rusak. Coba salinannya, atau buat proyek baru dari berkas batas wilayah.</translation>
    </message>
    <message>
        <source>The boundary file “%1” does not say its coordinate system. Save it with a coordinate system (for example as a GeoPackage) and try again.</source>
        <translation>Berkas batas “%1” tidak menyebutkan sistem koordinatnya. Simpan ulang dengan sistem koordinat (misalnya sebagai GeoPackage) lalu coba lagi.</translation>
    </message>
    <message>
        <source>No project could be made from “%1”. Choose a village boundary file (GeoPackage, Shapefile or GeoJSON) with a code and a name for each village.</source>
        <translation>Proyek tidak dapat dibuat dari “%1”. Pilih berkas batas desa/pekon (GeoPackage, Shapefile atau GeoJSON) yang memuat kode dan nama setiap desa.</translation>
    </message>
    <message>
        <source>This layer has no values for the chosen period. Choose another layer or period.</source>
        <translation>Lapisan ini tidak punya nilai untuk periode yang dipilih. Pilih lapisan atau periode lain.</translation>
    </message>
    <message>
        <source>“%1” cannot be written: choose a name ending in .pdf, .png or .svg.</source>
        <translation>“%1” tidak dapat ditulis: pilih nama berakhiran .pdf, .png atau .svg.</translation>
    </message>
    <message>
        <source>“%1” already exists. Choose another name.</source>
        <translation>“%1” sudah ada. Pilih nama lain.</translation>
    </message>
    <message>
        <source>“%1” could not be written. Check that the folder exists, that you may write there and that the file is not open in another program.</source>
        <translation>“%1” tidak dapat ditulis. Periksa apakah foldernya ada, Anda boleh menulis di sana, dan berkas itu tidak sedang dibuka program lain.</translation>
    </message>
    <message>
        <source>Several areas are called like the capital given: %1. Give the name of one kecamatan, or its code, and try again.</source>
        <translation>Beberapa wilayah bernama seperti ibu kota yang diisi: %1. Isi nama satu kecamatan, atau kodenya, lalu coba lagi.</translation>
    </message>
    <message>
        <source>No kecamatan or village of the file is called like the capital given. Give the name as the file writes it, or leave the capital empty.</source>
        <translation>Tidak ada kecamatan atau desa di berkas yang bernama seperti ibu kota yang diisi. Isi nama seperti tertulis di berkas, atau kosongkan ibu kota.</translation>
    </message>
    <message>
        <source>The capital given is not a name, a code or LON,LAT (longitude first, e.g. 104.62,-5.49).</source>
        <translation>Ibu kota yang diisi bukan nama, kode, atau BUJUR,LINTANG (bujur dahulu, mis. 104.62,-5.49).</translation>
    </message>
</context>
<context>
    <name>app::ui::AreaPickerDialog</name>
    <message>
        <source>Choose the pekon</source>
        <translation>Pilih pekon</translation>
    </message>
    <message>
        <source>Which pekon is “%1”? The choice is kept as another name of that pekon, so the next import finds it by itself.</source>
        <translation>Pekon manakah “%1”? Pilihan ini disimpan sebagai nama lain pekon itu, sehingga impor berikutnya menemukannya sendiri.</translation>
    </message>
    <message>
        <source>Search by name, kecamatan or code</source>
        <translation>Cari menurut nama, kecamatan atau kode</translation>
    </message>
    <message>
        <source>%1 — Kec. %2 (%3)</source>
        <translation>%1 — Kec. %2 (%3)</translation>
    </message>
    <message>
        <source>Use this pekon</source>
        <translation>Pakai pekon ini</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>app::ui::ExportDialog</name>
    <message>
        <source>Export map</source>
        <translation>Ekspor peta</translation>
    </message>
    <message>
        <source>As shown on screen</source>
        <translation>Seperti di layar</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Templat</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Kertas</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Mendatar (lanskap)</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Tegak (potret)</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Orientasi</translation>
    </message>
    <message>
        <source>From the layer, the regency and the period</source>
        <translation>Dari lapisan, kabupaten dan periode</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Current view</source>
        <translation>Tampilan sekarang</translation>
    </message>
    <message>
        <source>Whole regency</source>
        <translation>Seluruh kabupaten</translation>
    </message>
    <message>
        <source>Kecamatan %1</source>
        <translation>Kecamatan %1</translation>
    </message>
    <message>
        <source>Extent</source>
        <translation>Cakupan</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Ekspor…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>Berkas %1 (*.%2)</translation>
    </message>
</context>
<context>
    <name>app::ui::HotspotsPanel</name>
    <message>
        <source>high-high (hotspot)</source>
        <translation>tinggi-tinggi (titik panas)</translation>
    </message>
    <message>
        <source>not significant</source>
        <translation>tidak signifikan</translation>
    </message>
    <message>
        <source>not tested</source>
        <translation>tidak diuji</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <source>Shared borders (queen)</source>
        <translation>Berbatasan langsung (queen)</translation>
    </message>
    <message>
        <source>Nearest pekon (k nearest)</source>
        <translation>Pekon terdekat (k tetangga)</translation>
    </message>
    <message>
        <source>Neighbours</source>
        <translation>Tetangga</translation>
    </message>
    <message>
        <source>Pekon closer than this count as sharing a border (bridges gaps in the boundary file).</source>
        <translation>Pekon yang lebih dekat dari jarak ini dianggap berbatasan (menutup celah pada berkas batas).</translation>
    </message>
    <message>
        <source>Border tolerance</source>
        <translation>Toleransi batas</translation>
    </message>
    <message>
        <source>Number of neighbours</source>
        <translation>Jumlah tetangga</translation>
    </message>
    <message>
        <source>Permutations</source>
        <translation>Permutasi</translation>
    </message>
    <message>
        <source>Significance level</source>
        <translation>Taraf nyata</translation>
    </message>
    <message>
        <source>Correct for many tests (false discovery rate)</source>
        <translation>Koreksi uji berganda (false discovery rate)</translation>
    </message>
    <message>
        <source>Find hotspots</source>
        <translation>Cari klaster</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>This project has no values to look for hotspots in.</source>
        <translation>Proyek ini belum punya angka untuk dicari klasternya.</translation>
    </message>
    <message>
        <source>Computing hotspots…</source>
        <translation>Menghitung klaster…</translation>
    </message>
    <message>
        <source>The period changed while the hotspots were computed: compute them again.</source>
        <translation>Periode berganti selama klaster dihitung: hitung ulang.</translation>
    </message>
    <message>
        <source>Neighbouring pekon differ more than chance would give (a scattered pattern).</source>
        <translation>Pekon yang bertetangga lebih berbeda daripada yang terjadi secara kebetulan (pola menyebar).</translation>
    </message>
    <message>
        <source>No spatial pattern beyond chance at this significance level.</source>
        <translation>Tidak ada pola ruang yang melebihi kebetulan pada taraf nyata ini.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Global Moran&apos;s I: %1 (expected without pattern %2), pseudo p = %3 from %4 permutations, z = %5.</source>
        <translation>Indeks Moran global: %1 (harapan tanpa pola %2), p semu = %3 dari %4 permutasi, z = %5.</translation>
    </message>
    <message>
        <source>%1 pekon tested, %2 without neighbours, %3 without a value.</source>
        <translation>%1 pekon diuji, %2 tanpa tetangga, %3 tanpa nilai.</translation>
    </message>
    <message>
        <source>Clusters (period %1): %2.</source>
        <translation>Klaster (periode %1): %2.</translation>
    </message>
    <message>
        <source>low-low (cold spot)</source>
        <translation>rendah-rendah (titik dingin)</translation>
    </message>
    <message>
        <source>high-low (outlier)</source>
        <translation>tinggi-rendah (pencilan)</translation>
    </message>
    <message>
        <source>low-high (outlier)</source>
        <translation>rendah-tinggi (pencilan)</translation>
    </message>
    <message>
        <source>Pekon with similar values (high next to high, low next to low) lie together more than chance would give: there are real clusters.</source>
        <translation>Pekon dengan nilai serupa (tinggi dengan tinggi, rendah dengan rendah) lebih sering bertetangga daripada yang terjadi secara kebetulan: ada pengelompokan yang nyata.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Menghentikan…</translation>
    </message>
    <message>
        <source>Stopped: the hotspots shown were computed before the last change.</source>
        <translation>Dihentikan: klaster yang tampil dihitung sebelum perubahan terakhir.</translation>
    </message>
    <message>
        <source>Stopped: no hotspots were computed; the map is unchanged.</source>
        <translation>Dihentikan: tidak ada klaster yang dihitung; peta tidak berubah.</translation>
    </message>
</context>
<context>
    <name>app::ui::ImportWizard</name>
    <message>
        <source>Import data</source>
        <translation>Impor data</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Lanjut &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Kembali</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Impor</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>What to import</source>
        <translation>Apa yang diimpor</translation>
    </message>
    <message>
        <source>Choose the kind of data and the file. Nothing is written to the project before the last step.</source>
        <translation>Pilih jenis data dan berkasnya. Tidak ada yang ditulis ke proyek sebelum langkah terakhir.</translation>
    </message>
    <message>
        <source>DTSEN/DTKS records (one row per person or household)</source>
        <translation>Data DTSEN/DTKS (satu baris per orang atau keluarga)</translation>
    </message>
    <message>
        <source>Facilities (points, or a table naming each pekon)</source>
        <translation>Fasilitas (titik, atau tabel yang menyebut pekonnya)</translation>
    </message>
    <message>
        <source>Village boundaries (replace the project&apos;s)</source>
        <translation>Batas desa/pekon (mengganti batas proyek)</translation>
    </message>
    <message>
        <source>Kind of data</source>
        <translation>Jenis data</translation>
    </message>
    <message>
        <source>Path of the file</source>
        <translation>Lokasi berkas</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Sheet or layer</source>
        <translation>Lembar atau lapisan</translation>
    </message>
    <message>
        <source>This project cannot be changed: %1</source>
        <translation>Proyek ini tidak dapat diubah: %1</translation>
    </message>
    <message>
        <source>it is not kept in a project file</source>
        <translation>proyek ini tidak tersimpan dalam berkas proyek</translation>
    </message>
    <message>
        <source>Personal data stays out: NIK, names and addresses are only counted per pekon. The wizard shows the column headers and counts, never a person&apos;s data.</source>
        <translation>Data pribadi tidak ikut masuk: NIK, nama dan alamat hanya dihitung per pekon. Panduan ini hanya menampilkan judul kolom dan jumlah, tidak pernah data seseorang.</translation>
    </message>
    <message>
        <source>The values and facilities of the project are kept; pekon the file lacks keep their old boundary.</source>
        <translation>Nilai dan fasilitas proyek tetap; pekon yang tidak ada di berkas tetap memakai batas lamanya.</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>Pilih berkas yang diimpor</translation>
    </message>
    <message>
        <source>(the whole file)</source>
        <translation>(seluruh berkas)</translation>
    </message>
    <message>
        <source>(the first)</source>
        <translation>(yang pertama)</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Say which column holds what. The first rows of the file are shown below.</source>
        <translation>Tentukan isi setiap kolom. Baris-baris pertama berkas tampil di bawah.</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>Baris judul kolom</translation>
    </message>
    <message>
        <source>e.g. 2019 or 2025-S1</source>
        <translation>mis. 2019 atau 2025-S1</translation>
    </message>
    <message>
        <source>Period of the values</source>
        <translation>Periode nilai</translation>
    </message>
    <message>
        <source>Pekon code column</source>
        <translation>Kolom kode pekon</translation>
    </message>
    <message>
        <source>Pekon name column</source>
        <translation>Kolom nama pekon</translation>
    </message>
    <message>
        <source>Kecamatan column</source>
        <translation>Kolom kecamatan</translation>
    </message>
    <message>
        <source>Add an indicator</source>
        <translation>Tambah indikator</translation>
    </message>
    <message>
        <source>Indicators (name: column)</source>
        <translation>Indikator (nama: kolom)</translation>
    </message>
    <message>
        <source>decide from the file</source>
        <translation>tentukan dari berkas</translation>
    </message>
    <message>
        <source>a person</source>
        <translation>satu orang</translation>
    </message>
    <message>
        <source>a household</source>
        <translation>satu keluarga</translation>
    </message>
    <message>
        <source>Household number column</source>
        <translation>Kolom nomor KK</translation>
    </message>
    <message>
        <source>Status column</source>
        <translation>Kolom status</translation>
    </message>
    <message>
        <source>Desil column</source>
        <translation>Kolom desil</translation>
    </message>
    <message>
        <source>One row is</source>
        <translation>Satu baris adalah</translation>
    </message>
    <message>
        <source>Kind of facility</source>
        <translation>Jenis fasilitas</translation>
    </message>
    <message>
        <source>Facility name column</source>
        <translation>Kolom nama fasilitas</translation>
    </message>
    <message>
        <source>Longitude column</source>
        <translation>Kolom bujur</translation>
    </message>
    <message>
        <source>Latitude column</source>
        <translation>Kolom lintang</translation>
    </message>
    <message>
        <source>only when the file declares none, e.g. EPSG:4326</source>
        <translation>hanya bila berkas tidak menyebutkannya, mis. EPSG:4326</translation>
    </message>
    <message>
        <source>e.g. BIG 2023</source>
        <translation>mis. BIG 2023</translation>
    </message>
    <message>
        <source>Coordinate system</source>
        <translation>Sistem koordinat</translation>
    </message>
    <message>
        <source>Edition of the boundaries</source>
        <translation>Edisi batas wilayah</translation>
    </message>
    <message>
        <source>Replace values the project already holds for this period</source>
        <translation>Ganti nilai yang sudah ada di proyek untuk periode ini</translation>
    </message>
    <message>
        <source>The name the values get in the project, e.g. miskin or penduduk</source>
        <translation>Nama nilai di proyek, mis. miskin atau penduduk</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <source>Kecamatan name field</source>
        <translation>Kolom nama kecamatan</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Hentikan</translation>
    </message>
    <message>
        <source>Stopped: nothing was written. Go back to change the choices, or cancel.</source>
        <translation>Dihentikan: tidak ada yang ditulis. Kembali untuk mengubah pilihan, atau batalkan.</translation>
    </message>
    <message>
        <source>Stopped: nothing was written.</source>
        <translation>Dihentikan: tidak ada yang ditulis.</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Membaca berkas…</translation>
    </message>
    <message>
        <source>(found by itself)</source>
        <translation>(dicari otomatis)</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>Berkas tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <source>Columns of the file</source>
        <translation>Kolom berkas</translation>
    </message>
    <message numerus="yes">
        <source>%n data row(s) below the header (row %1). The rows hold personal data and are not shown: only their counts per pekon are imported.</source>
        <translation>
            <numerusform>%n baris data di bawah judul kolom (baris %1). Baris-baris itu memuat data pribadi dan tidak ditampilkan: hanya jumlahnya per pekon yang diimpor.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s); the first are shown.</source>
        <translation>
            <numerusform>%n objek; yang pertama ditampilkan.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n data row(s) below the header (row %1, %2); the first are shown.</source>
        <translation>
            <numerusform>%n baris data di bawah judul kolom (baris %1, %2); yang pertama ditampilkan.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, separated by “%2”</source>
        <translation>%1, dipisah “%2”</translation>
    </message>
    <message>
        <source>Match report</source>
        <translation>Laporan pencocokan</translation>
    </message>
    <message>
        <source>How the rows of the file were matched to the pekon of the project. Nothing is written until you press Import.</source>
        <translation>Bagaimana baris-baris berkas dicocokkan dengan pekon proyek. Tidak ada yang ditulis sebelum Anda menekan Impor.</translation>
    </message>
    <message>
        <source>A row marked ambiguous or not found is not imported: select it and choose its pekon.</source>
        <translation>Baris bertanda ganda atau tidak ditemukan tidak diimpor: pilih barisnya lalu tentukan pekonnya.</translation>
    </message>
    <message>
        <source>Choose the pekon…</source>
        <translation>Pilih pekon…</translation>
    </message>
    <message>
        <source>Matching the rows to the pekon of the project…</source>
        <translation>Mencocokkan baris dengan pekon proyek…</translation>
    </message>
    <message numerus="yes">
        <source>similar name (%n letter(s) differ)</source>
        <translation>
            <numerusform>nama mirip (beda %n huruf)</numerusform>
        </translation>
    </message>
    <message>
        <source>code</source>
        <translation>kode</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nama</translation>
    </message>
    <message>
        <source>another name of the pekon</source>
        <translation>nama lain pekon</translation>
    </message>
    <message>
        <source>the same name in several kecamatan</source>
        <translation>nama yang sama di beberapa kecamatan</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n baris</numerusform>
        </translation>
    </message>
    <message>
        <source>The import cannot go ahead.</source>
        <translation>Impor tidak dapat dilanjutkan.</translation>
    </message>
    <message numerus="yes">
        <source>%n village(s) in the file.</source>
        <translation>
            <numerusform>%n desa/pekon di berkas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n village(s) of the file are new to the project; %1 of the project are not in the file and keep their boundary.</source>
        <translation>
            <numerusform>%n desa/pekon di berkas baru bagi proyek; %1 milik proyek tidak ada di berkas dan tetap memakai batasnya.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; exact · &lt;b&gt;%2&lt;/b&gt; similar name · &lt;b&gt;%3&lt;/b&gt; ambiguous · &lt;b&gt;%4&lt;/b&gt; not found</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; tepat · &lt;b&gt;%2&lt;/b&gt; nama mirip · &lt;b&gt;%3&lt;/b&gt; ganda · &lt;b&gt;%4&lt;/b&gt; tidak ditemukan</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of the extract counted for %1 pekon; no NIK, name or address is kept.</source>
        <translation>
            <numerusform>%n baris data dihitung untuk %1 pekon; tidak ada NIK, nama atau alamat yang disimpan.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s)</source>
        <translation>
            <numerusform>%n nilai</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them replacing held values</source>
        <translation>
            <numerusform>%n di antaranya mengganti nilai lama</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n facility(ies)</source>
        <translation>
            <numerusform>%n fasilitas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other name(s) of pekon</source>
        <translation>
            <numerusform>%n nama lain pekon</numerusform>
        </translation>
    </message>
    <message>
        <source>the new boundaries</source>
        <translation>batas wilayah baru</translation>
    </message>
    <message>
        <source>Import writes: %1.</source>
        <translation>Impor akan menulis: %1.</translation>
    </message>
    <message>
        <source>Nothing can be imported yet: %1</source>
        <translation>Belum ada yang dapat diimpor: %1</translation>
    </message>
    <message>
        <source>the file adds nothing to the project</source>
        <translation>berkas tidak menambah apa pun ke proyek</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>Baris %1</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Baris</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>Di berkas</translation>
    </message>
    <message>
        <source>Kecamatan in the file</source>
        <translation>Kecamatan di berkas</translation>
    </message>
    <message>
        <source>Pekon of the project</source>
        <translation>Pekon di proyek</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Cara</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>tepat</translation>
    </message>
    <message>
        <source>similar name</source>
        <translation>nama mirip</translation>
    </message>
    <message>
        <source>ambiguous</source>
        <translation>ganda</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>tidak ditemukan</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>— choose the pekon</source>
        <translation>— pilih pekonnya</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>Nothing was written to the project: %1</source>
        <translation>Tidak ada yang ditulis ke proyek: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n area(s)</source>
        <translation>
            <numerusform>%n wilayah</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported into the project: %1.</source>
        <translation>Diimpor ke proyek: %1.</translation>
    </message>
    <message>
        <source>Indicator table (CSV, XLSX, ODS, or a GeoPackage, Shapefile or GeoJSON layer)</source>
        <translation>Tabel indikator (CSV, XLSX, ODS, atau lapisan GeoPackage, Shapefile atau GeoJSON)</translation>
    </message>
    <message>
        <source>Tables and map layers (*.csv *.txt *.xlsx *.ods *.gpkg *.shp *.dbf *.geojson *.json *.kml);;All files (*)</source>
        <translation>Tabel dan lapisan peta (*.csv *.txt *.xlsx *.ods *.gpkg *.shp *.dbf *.geojson *.json *.kml);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Roads (a line layer, replacing the project&apos;s)</source>
        <translation>Jalan (lapisan garis, menggantikan jalan proyek)</translation>
    </message>
</context>
<context>
    <name>app::ui::LayersPanel</name>
    <message>
        <source>Tick a layer to show it; the top layer is drawn above the others</source>
        <translation>Centang lapisan untuk menampilkannya; lapisan teratas digambar di atas yang lain</translation>
    </message>
    <message>
        <source>Move the layer up</source>
        <translation>Naikkan lapisan</translation>
    </message>
    <message>
        <source>Move the layer down</source>
        <translation>Turunkan lapisan</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Kepekatan</translation>
    </message>
    <message>
        <source>Opacity of the chosen layer</source>
        <translation>Kepekatan lapisan terpilih</translation>
    </message>
    <message>
        <source>Travel time over the terrain</source>
        <translation>Waktu tempuh di medan</translation>
    </message>
    <message>
        <source>Colours the pekon by the minutes on foot and by road to the nearest destination (slopes by Tobler&apos;s hiking function, roads at their class speeds)</source>
        <translation>Mewarnai pekon menurut menit berjalan kaki dan lewat jalan ke tujuan terdekat (lereng menurut fungsi pendakian Tobler, jalan menurut kecepatan kelasnya)</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Ke</translation>
    </message>
    <message>
        <source>Upper bounds of the classes in whole minutes, ascending</source>
        <translation>Batas atas kelas dalam menit bulat, dari kecil ke besar</translation>
    </message>
    <message>
        <source>Classes (minutes)</source>
        <translation>Kelas (menit)</translation>
    </message>
    <message>
        <source>the regency capital</source>
        <translation>ibu kota kabupaten</translation>
    </message>
    <message>
        <source>the nearest %1</source>
        <translation>%1 terdekat</translation>
    </message>
    <message>
        <source>Computing the travel times…</source>
        <translation>Menghitung waktu tempuh…</translation>
    </message>
    <message>
        <source>The project has no facilities and no regency capital to travel to.</source>
        <translation>Proyek ini tidak punya fasilitas maupun ibu kota kabupaten sebagai tujuan perjalanan.</translation>
    </message>
    <message>
        <source>Give 1 to 8 class limits in whole minutes, ascending, e.g. 15, 30, 60, 120.</source>
        <translation>Berikan 1 sampai 8 batas kelas dalam menit bulat, naik, mis. 15, 30, 60, 120.</translation>
    </message>
    <message>
        <source>Cell size of the terrain model: smaller cells follow the terrain more closely and take longer (100 m: about a second for a regency)</source>
        <translation>Ukuran sel model medan: sel yang lebih kecil mengikuti medan lebih teliti dan lebih lama dihitung (100 m: sekitar satu detik untuk satu kabupaten)</translation>
    </message>
    <message>
        <source>Cell size</source>
        <translation>Ukuran sel</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Stops computing the travel times; the layer goes off</source>
        <translation>Menghentikan penghitungan waktu tempuh; lapisan dimatikan</translation>
    </message>
    <message>
        <source>Cancelled; switch the layer on to compute it again.</source>
        <translation>Dibatalkan; nyalakan lapisan untuk menghitungnya lagi.</translation>
    </message>
</context>
<context>
    <name>app::ui::LegendPanel</name>
    <message>
        <source>No project open</source>
        <translation>Belum ada proyek yang dibuka</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Tidak ada data</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1   (%2 pekon)</source>
        <translation>%1   (%2 pekon)</translation>
    </message>
    <message>
        <source>%1   (%2)</source>
        <translation>%1   (%2)</translation>
    </message>
    <message>
        <source>high-high (hotspot)</source>
        <translation>tinggi-tinggi (titik panas)</translation>
    </message>
    <message>
        <source>low-low (cold spot)</source>
        <translation>rendah-rendah (titik dingin)</translation>
    </message>
    <message>
        <source>high-low (outlier)</source>
        <translation>tinggi-rendah (pencilan)</translation>
    </message>
    <message>
        <source>low-high (outlier)</source>
        <translation>rendah-tinggi (pencilan)</translation>
    </message>
    <message>
        <source>not significant</source>
        <translation>tidak signifikan</translation>
    </message>
    <message>
        <source>not tested (no neighbour or no value)</source>
        <translation>tidak diuji (tanpa tetangga atau tanpa nilai)</translation>
    </message>
    <message>
        <source>National or provincial road</source>
        <translation>Jalan nasional atau provinsi</translation>
    </message>
    <message>
        <source>Regency road</source>
        <translation>Jalan kabupaten</translation>
    </message>
    <message>
        <source>Local or village road</source>
        <translation>Jalan lokal atau desa</translation>
    </message>
    <message>
        <source>Footpath or track</source>
        <translation>Jalan setapak</translation>
    </message>
    <message>
        <source>Ferry</source>
        <translation>Penyeberangan</translation>
    </message>
    <message>
        <source>Proposed new sites (%1)</source>
        <translation>Usulan lokasi baru (%1)</translation>
    </message>
    <message>
        <source>the regency capital</source>
        <translation>ibu kota kabupaten</translation>
    </message>
    <message>
        <source>the nearest %1</source>
        <translation>%1 terdekat</translation>
    </message>
    <message>
        <source>Travel time to %1 (minutes)</source>
        <translation>Waktu tempuh ke %1 (menit)</translation>
    </message>
    <message>
        <source>&gt; %1 minutes</source>
        <translation>&gt; %1 menit</translation>
    </message>
    <message>
        <source>%1–%2 minutes</source>
        <translation>%1–%2 menit</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Tidak terjangkau</translation>
    </message>
</context>
<context>
    <name>app::ui::MainWindow</name>
    <message>
        <source>Layers</source>
        <translation>Lapisan</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Gaya</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legenda</translation>
    </message>
    <message>
        <source>Distance %1 km</source>
        <translation>Jarak %1 km</translation>
    </message>
    <message>
        <source>; area of the closed shape %1 km²</source>
        <translation>; luas bidang tertutup %1 km²</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;New project from a boundary file…</source>
        <translation>Proyek &amp;baru dari berkas batas…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;Buka proyek…</translation>
    </message>
    <message>
        <source>&amp;Recent projects</source>
        <translation>Proyek &amp;terakhir</translation>
    </message>
    <message>
        <source>Open the &amp;Tanggamus example</source>
        <translation>Buka &amp;contoh Tanggamus</translation>
    </message>
    <message>
        <source>&amp;Save a copy…</source>
        <translation>&amp;Simpan salinan…</translation>
    </message>
    <message>
        <source>&amp;Export map…</source>
        <translation>&amp;Ekspor peta…</translation>
    </message>
    <message>
        <source>Export &amp;atlas per kecamatan…</source>
        <translation>Ekspor &amp;atlas per kecamatan…</translation>
    </message>
    <message>
        <source>Export meeting &amp;pack (Rakor)…</source>
        <translation>Ekspor bahan &amp;rakor…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <source>Whole &amp;regency</source>
        <translation>Seluruh &amp;kabupaten</translation>
    </message>
    <message>
        <source>Zoom to &amp;kecamatan</source>
        <translation>Perbesar ke k&amp;ecamatan</translation>
    </message>
    <message>
        <source>Zoom to the &amp;selection</source>
        <translation>Perbesar ke &amp;pilihan</translation>
    </message>
    <message>
        <source>&amp;Clear the selection</source>
        <translation>&amp;Hapus pilihan</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Alat</translation>
    </message>
    <message>
        <source>&amp;Pan and identify</source>
        <translation>&amp;Geser dan kenali</translation>
    </message>
    <message>
        <source>&amp;Zoom to a box</source>
        <translation>Perbesar ke &amp;kotak</translation>
    </message>
    <message>
        <source>&amp;Measure distance and area</source>
        <translation>&amp;Ukur jarak dan luas</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>Ba&amp;hasa</translation>
    </message>
    <message>
        <source>Map tools</source>
        <translation>Alat peta</translation>
    </message>
    <message>
        <source>Sasaran — %1</source>
        <translation>Sasaran — %1</translation>
    </message>
    <message>
        <source>No pekon at %1°, %2°</source>
        <translation>Tidak ada pekon di %1°, %2°</translation>
    </message>
    <message>
        <source>%1 (%2), Kec. %3: %4 = %5</source>
        <translation>%1 (%2), Kec. %3: %4 = %5</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>tidak ada data</translation>
    </message>
    <message>
        <source>The map was exported</source>
        <translation>Peta telah diekspor</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Cari</translation>
    </message>
    <message>
        <source>Pekon profile</source>
        <translation>Profil pekon</translation>
    </message>
    <message>
        <source>Pekon table</source>
        <translation>Tabel pekon</translation>
    </message>
    <message>
        <source>Hotspots</source>
        <translation>Klaster (LISA)</translation>
    </message>
    <message>
        <source>POKDARWIS</source>
        <translation>POKDARWIS</translation>
    </message>
    <message>
        <source>&amp;Import data…</source>
        <translation>&amp;Impor data…</translation>
    </message>
    <message>
        <source>Import is off: this project cannot be changed (%1)</source>
        <translation>Impor tidak tersedia: proyek ini tidak dapat diubah (%1)</translation>
    </message>
    <message>
        <source>Import is off: open a project first</source>
        <translation>Impor tidak tersedia: buka proyek dulu</translation>
    </message>
    <message>
        <source>Import a table, records, facilities or boundaries</source>
        <translation>Impor tabel, data DTSEN/DTKS, fasilitas atau batas wilayah</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritas</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Penempatan</translation>
    </message>
</context>
<context>
    <name>app::ui::MapCanvas</name>
    <message>
        <source>counts from 1 to %1 are shown as no data so that no family can be recognised.</source>
        <translation>jumlah 1 sampai %1 ditampilkan sebagai tanpa data agar keluarga tidak dapat dikenali.</translation>
    </message>
    <message>
        <source>small counts are shown.</source>
        <translation>jumlah kecil ditampilkan.</translation>
    </message>
    <message>
        <source>RESTRICTED</source>
        <translation>TERBATAS</translation>
    </message>
    <message>
        <source>Figures derived from DTSEN/DTKS personal data (UU 27/2022):</source>
        <translation>Angka turunan data pribadi DTSEN/DTKS (UU 27/2022):</translation>
    </message>
</context>
<context>
    <name>app::ui::NewProjectDialog</name>
    <message>
        <source>New project from a boundary file</source>
        <translation>Proyek baru dari berkas batas wilayah</translation>
    </message>
    <message>
        <source>The fields below were detected in %1. Change any that are wrong; the preview shows the villages as the project will hold them.</source>
        <translation>Kolom di bawah dikenali dari %1. Ubah yang keliru; pratinjau menampilkan desa seperti yang akan disimpan proyek.</translation>
    </message>
    <message>
        <source>name of a kecamatan or village, e.g. Kota Agung (optional)</source>
        <translation>nama kecamatan atau desa, mis. Kota Agung (opsional)</translation>
    </message>
    <message>
        <source>e.g. BIG RBI 2023 (optional)</source>
        <translation>mis. BIG RBI 2023 (opsional)</translation>
    </message>
    <message>
        <source>e.g. EPSG:4326 or EPSG:32748</source>
        <translation>mis. EPSG:4326 atau EPSG:32748</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>Save the new project as</source>
        <translation>Simpan proyek baru sebagai</translation>
    </message>
    <message>
        <source>Sasaran projects (*.sasaran.sqlite)</source>
        <translation>Proyek Sasaran (*.sasaran.sqlite)</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Lapisan</translation>
    </message>
    <message>
        <source>Village code field (Kemendagri)</source>
        <translation>Kolom kode desa (Kemendagri)</translation>
    </message>
    <message>
        <source>Village name field</source>
        <translation>Kolom nama desa</translation>
    </message>
    <message>
        <source>Kecamatan name field</source>
        <translation>Kolom nama kecamatan</translation>
    </message>
    <message>
        <source>BPS code field</source>
        <translation>Kolom kode BPS</translation>
    </message>
    <message>
        <source>Regency name field</source>
        <translation>Kolom nama kabupaten</translation>
    </message>
    <message>
        <source>Area to keep</source>
        <translation>Wilayah yang diambil</translation>
    </message>
    <message>
        <source>A village is called</source>
        <translation>Sebutan desa</translation>
    </message>
    <message>
        <source>Regency capital</source>
        <translation>Ibu kota kabupaten</translation>
    </message>
    <message>
        <source>Edition of the boundaries</source>
        <translation>Edisi batas wilayah</translation>
    </message>
    <message>
        <source>CRS of the coordinates</source>
        <translation>CRS koordinat</translation>
    </message>
    <message>
        <source>Save the project as</source>
        <translation>Simpan proyek sebagai</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Create project</source>
        <translation>Buat proyek</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <source>All (%1 villages)</source>
        <translation>Semua (%1 desa)</translation>
    </message>
    <message>
        <source>%1 %2 (%3 villages)</source>
        <translation>%1 %2 (%3 desa)</translation>
    </message>
    <message>
        <source>(name unknown)</source>
        <translation>(nama tidak diketahui)</translation>
    </message>
    <message>
        <source>The file does not say the CRS of its coordinates: give it above.</source>
        <translation>Berkas tidak menyebut CRS koordinatnya: isi di atas.</translation>
    </message>
    <message>
        <source>From the file: %1 (fill in only to replace it).</source>
        <translation>Dari berkas: %1 (isi hanya untuk menggantinya).</translation>
    </message>
    <message>
        <source>%1 features: %2 villages, %3 kecamatan/regency features, %4 without a Kemendagri code (not imported).</source>
        <translation>%1 fitur: %2 desa, %3 fitur kecamatan/kabupaten, %4 tanpa kode Kemendagri (tidak diimpor).</translation>
    </message>
    <message>
        <source>No village code field was found: choose the field that holds the Kemendagri code (such as KDEPUM, 18.06.20.2001 or 1806202001).</source>
        <translation>Kolom kode desa tidak ditemukan: pilih kolom yang berisi kode Kemendagri (seperti KDEPUM, 18.06.20.2001 atau 1806202001).</translation>
    </message>
    <message>
        <source>A field chosen is not in this layer: choose the fields again.</source>
        <translation>Kolom yang dipilih tidak ada di lapisan ini: pilih kolom lagi.</translation>
    </message>
    <message>
        <source>The code field holds BPS codes, not Kemendagri codes: choose the field with the Kemendagri code.</source>
        <translation>Kolom kode berisi kode BPS, bukan kode Kemendagri: pilih kolom dengan kode Kemendagri.</translation>
    </message>
    <message>
        <source>No feature has a village code in this field: choose the field with the village codes.</source>
        <translation>Tidak ada fitur dengan kode desa di kolom ini: pilih kolom yang berisi kode desa.</translation>
    </message>
    <message>
        <source>The file cannot be read as boundaries.</source>
        <translation>Berkas tidak dapat dibaca sebagai batas wilayah.</translation>
    </message>
    <message>
        <source>Say where to save the project.</source>
        <translation>Tentukan tempat menyimpan proyek.</translation>
    </message>
    <message>
        <source>(none: the code is shown)</source>
        <translation>(tidak ada: kode yang ditampilkan)</translation>
    </message>
    <message>
        <source>%1 (national reference)</source>
        <translation>%1 (referensi nasional)</translation>
    </message>
</context>
<context>
    <name>app::ui::PlacementPanel</name>
    <message>
        <source>New facilities</source>
        <translation>Fasilitas baru</translation>
    </message>
    <message>
        <source>Maximal covering</source>
        <translation>Cakupan maksimal</translation>
    </message>
    <message>
        <source>Shortest distance (p-median)</source>
        <translation>Jarak terpendek (p-median)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>How many</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metode</translation>
    </message>
    <message>
        <source>Reach of one facility</source>
        <translation>Jangkauan satu fasilitas</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Jarak</translation>
    </message>
    <message>
        <source>Travel time by road</source>
        <translation>Waktu tempuh lewat jalan</translation>
    </message>
    <message>
        <source> min</source>
        <translation> menit</translation>
    </message>
    <message>
        <source>Candidate pekon</source>
        <translation>Calon pekon</translation>
    </message>
    <message>
        <source>Pekon without this kind of facility</source>
        <translation>Pekon yang belum punya fasilitas jenis ini</translation>
    </message>
    <message>
        <source>Pekon matching a rule on a column</source>
        <translation>Pekon yang memenuhi aturan pada kolom</translation>
    </message>
    <message>
        <source>Pekon selected on the map or in the table</source>
        <translation>Pekon yang dipilih di peta atau tabel</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapasitas</translation>
    </message>
    <message>
        <source>Each facility, existing or new, serves at most this many poor people</source>
        <translation>Tiap fasilitas, yang ada maupun yang baru, melayani paling banyak sejumlah penduduk miskin ini</translation>
    </message>
    <message>
        <source> poor people per facility</source>
        <translation> penduduk miskin per fasilitas</translation>
    </message>
    <message>
        <source>Find sites</source>
        <translation>Cari lokasi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Usulan</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Pekon</source>
        <translation>Pekon</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Tambahan</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>Dilayani</translation>
    </message>
    <message>
        <source>Save in the project</source>
        <translation>Simpan ke proyek</translation>
    </message>
    <message>
        <source>Saved proposals</source>
        <translation>Usulan tersimpan</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Disimpan</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Lokasi</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>Jangkauan</translation>
    </message>
    <message>
        <source>Reached before → after</source>
        <translation>Terjangkau sebelum → sesudah</translation>
    </message>
    <message>
        <source>Meeting pack</source>
        <translation>Bahan rakor</translation>
    </message>
    <message>
        <source>Show on the map</source>
        <translation>Tampilkan di peta</translation>
    </message>
    <message>
        <source>Use in the meeting pack</source>
        <translation>Pakai di bahan rakor</translation>
    </message>
    <message>
        <source>Select two proposals to compare them side by side.</source>
        <translation>Pilih dua usulan untuk membandingkannya berdampingan.</translation>
    </message>
    <message>
        <source>There is no %1 yet: every site is new.</source>
        <translation>Belum ada %1: semua lokasi baru.</translation>
    </message>
    <message>
        <source>The %1 existing %2 stay where they are and count as reaching what they reach.</source>
        <translation>%1 %2 yang sudah ada tetap di tempatnya dan jangkauannya ikut dihitung.</translation>
    </message>
    <message>
        <source>Brings the poor people closer to the nearest facility on average.</source>
        <translation>Mendekatkan penduduk miskin ke fasilitas terdekat, rata-rata.</translation>
    </message>
    <message>
        <source>Reaches as many poor people as possible within the reach.</source>
        <translation>Menjangkau sebanyak mungkin penduduk miskin dalam jangkauan.</translation>
    </message>
    <message>
        <source>Select pekon on the map or in the table first.</source>
        <translation>Pilih dulu pekon di peta atau di tabel.</translation>
    </message>
    <message>
        <source>%1 pekon selected.</source>
        <translation>%1 pekon dipilih.</translation>
    </message>
    <message>
        <source>Saved in the project.</source>
        <translation>Tersimpan di proyek.</translation>
    </message>
    <message>
        <source>Looking for the best sites (%1)…</source>
        <translation>Mencari lokasi terbaik (%1)…</translation>
    </message>
    <message>
        <source>Choose at least one new site.</source>
        <translation>Pilih paling sedikit satu lokasi baru.</translation>
    </message>
    <message>
        <source>The reach must be more than zero.</source>
        <translation>Jangkauan harus lebih dari nol.</translation>
    </message>
    <message>
        <source>The capacity must be more than zero.</source>
        <translation>Kapasitas harus lebih dari nol.</translation>
    </message>
    <message>
        <source>The candidates give no pekon to place a site in (or too many for the shortest-distance method): change the rule or the selection.</source>
        <translation>Calon lokasi tidak menghasilkan pekon (atau terlalu banyak untuk metode jarak terpendek): ubah aturan atau pilihan pekon.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Menghentikan…</translation>
    </message>
    <message>
        <source>Stopped: nothing was proposed or saved.</source>
        <translation>Dihentikan: tidak ada usulan dan tidak ada yang disimpan.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 menit</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 new %2&lt;/b&gt; within %3, among %4 candidate pekon; %5 poor people in all.</source>
        <translation>&lt;b&gt;%1 %2 baru&lt;/b&gt; dengan jangkauan %3, di antara %4 calon pekon; seluruhnya %5 penduduk miskin.</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Terjangkau</translation>
    </message>
    <message>
        <source>%1 before: &lt;b&gt;%2&lt;/b&gt; (%3); after: &lt;b&gt;%4&lt;/b&gt; (%5); newly %6.</source>
        <translation>%1 sebelum: &lt;b&gt;%2&lt;/b&gt; (%3); sesudah: &lt;b&gt;%4&lt;/b&gt; (%5); tambahan %6.</translation>
    </message>
    <message>
        <source>Under the capacity %1 poor people are left unserved; %2 pekon are served in part, %3 not at all.</source>
        <translation>Dengan batas kapasitas, %1 penduduk miskin belum terlayani; %2 pekon terlayani sebagian, %3 sama sekali belum.</translation>
    </message>
    <message>
        <source>Access (2SFCA, %1 per 1,000 poor people within reach): before %2, after &lt;b&gt;%3&lt;/b&gt;; pekon with none within reach: %4 → %5.</source>
        <translation>Akses (2SFCA, %1 per 1.000 penduduk miskin dalam jangkauan): sebelum %2, sesudah &lt;b&gt;%3&lt;/b&gt;; pekon tanpa satu pun dalam jangkauan: %4 → %5.</translation>
    </message>
    <message>
        <source>The same %1 sites in the highest-priority pekon would reach %2 (%3), newly %4, against %5 by this proposal.</source>
        <translation>%1 lokasi yang sama di pekon prioritas tertinggi akan menjangkau %2 (%3), tambahan %4, dibanding %5 oleh usulan ini.</translation>
    </message>
    <message>
        <source>min</source>
        <translation>menit</translation>
    </message>
    <message>
        <source>none exist</source>
        <translation>belum ada</translation>
    </message>
    <message>
        <source>Mean distance of a poor person to the nearest %1: before %2, after &lt;b&gt;%3 %4&lt;/b&gt;.</source>
        <translation>Jarak rata-rata penduduk miskin ke %1 terdekat: sebelum %2, sesudah &lt;b&gt;%3 %4&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>%1 pekon cannot be reached.</source>
        <translation>%1 pekon tidak terjangkau.</translation>
    </message>
    <message>
        <source>Gain</source>
        <translation>Manfaat</translation>
    </message>
    <message>
        <source>Proposed %1 (%2)</source>
        <translation>Usulan %1 (%2)</translation>
    </message>
    <message>
        <source>Saved as proposal %1.</source>
        <translation>Disimpan sebagai usulan %1.</translation>
    </message>
    <message>
        <source>shortest distance</source>
        <translation>jarak terpendek</translation>
    </message>
    <message>
        <source>maximal covering</source>
        <translation>cakupan maksimal</translation>
    </message>
    <message>
        <source>✓ in the pack</source>
        <translation>✓ di bahan rakor</translation>
    </message>
    <message>
        <source>Proposal %1: %2 (%3)</source>
        <translation>Usulan %1: %2 (%3)</translation>
    </message>
    <message>
        <source>Proposal %1 is on the map.</source>
        <translation>Usulan %1 tampil di peta.</translation>
    </message>
    <message>
        <source>The meeting pack will show proposal %1.</source>
        <translation>Bahan rakor akan memuat usulan %1.</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>Calon lokasi</translation>
    </message>
    <message>
        <source>Reached before</source>
        <translation>Terjangkau sebelum</translation>
    </message>
    <message>
        <source>Reached after</source>
        <translation>Terjangkau sesudah</translation>
    </message>
    <message>
        <source>Newly reached</source>
        <translation>Tambahan terjangkau</translation>
    </message>
    <message>
        <source>Mean distance after</source>
        <translation>Jarak rata-rata sesudah</translation>
    </message>
    <message>
        <source>Sites (in order)</source>
        <translation>Lokasi (berurutan)</translation>
    </message>
    <message>
        <source>Proposal %1</source>
        <translation>Usulan %1</translation>
    </message>
    <message>
        <source>pekon without the kind</source>
        <translation>pekon tanpa fasilitas jenis ini</translation>
    </message>
    <message>
        <source>%1 chosen pekon</source>
        <translation>%1 pekon pilihan</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>tanpa batas</translation>
    </message>
    <message>
        <source>This project has no road network, so reach is measured as distance. Import a road layer (Import data, Roads) to plan by travel time.</source>
        <translation>Proyek ini belum punya jaringan jalan, jadi jangkauan diukur sebagai jarak. Impor lapisan jalan (Impor data, Jalan) untuk merencanakan menurut waktu tempuh.</translation>
    </message>
</context>
<context>
    <name>app::ui::PokdarwisPanel</name>
    <message>
        <source>Attractions near</source>
        <translation>Objek wisata dekat</translation>
    </message>
    <message>
        <source>Closeness to the regency capital</source>
        <translation>Kedekatan ke ibu kota kabupaten</translation>
    </message>
    <message>
        <source>Poverty rate</source>
        <translation>Tingkat kemiskinan</translation>
    </message>
    <message>
        <source>Attractions within</source>
        <translation>Objek wisata dalam jarak</translation>
    </message>
    <message>
        <source>Weight: %1</source>
        <translation>Bobot: %1</translation>
    </message>
    <message>
        <source>Rank candidate pekon</source>
        <translation>Susun peringkat calon pekon</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Peringkat</translation>
    </message>
    <message>
        <source>Pekon</source>
        <translation>Pekon</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Skor</translation>
    </message>
    <message>
        <source>To the capital (km)</source>
        <translation>Ke ibu kota (km)</translation>
    </message>
    <message>
        <source>Poverty rate (%)</source>
        <translation>Tingkat kemiskinan (%)</translation>
    </message>
    <message>
        <source>Give at least one weight above zero.</source>
        <translation>Beri paling sedikit satu bobot di atas nol.</translation>
    </message>
    <message>
        <source>Ranking…</source>
        <translation>Menyusun peringkat…</translation>
    </message>
    <message>
        <source>has a group</source>
        <translation>sudah ada kelompok</translation>
    </message>
    <message>
        <source>not ranked</source>
        <translation>tidak diperingkat</translation>
    </message>
    <message>
        <source>%1 pekon ranked; %2 already have a POKDARWIS (not ranked); %3 attractions (WISATA) in the project.</source>
        <translation>%1 pekon diperingkat; %2 sudah punya POKDARWIS (tidak diperingkat); %3 objek wisata (WISATA) dalam proyek.</translation>
    </message>
    <message>
        <source>Without attractions the ranking rests on access and poverty only: import the tourism sites as facilities of kind WISATA.</source>
        <translation>Tanpa objek wisata, peringkat hanya bertumpu pada akses dan kemiskinan: impor lokasi wisata sebagai fasilitas jenis WISATA.</translation>
    </message>
    <message>
        <source>Attractions</source>
        <translation>Objek wisata</translation>
    </message>
    <message>
        <source>Attractions (WISATA) within the chosen distance</source>
        <translation>Objek wisata (WISATA) dalam jarak yang dipilih</translation>
    </message>
    <message>
        <source>Access by road: travel minutes to the capital and the distance to a road</source>
        <translation>Akses lewat jalan: menit perjalanan ke ibu kota dan jarak ke jalan</translation>
    </message>
    <message>
        <source>Weight: Closeness to a road</source>
        <translation>Bobot: Kedekatan ke jalan</translation>
    </message>
    <message>
        <source>This project has no road network, so access is the distance to the capital. Import a road layer (Import data, Roads) to rank by travel time.</source>
        <translation>Proyek ini belum punya jaringan jalan, jadi akses diukur sebagai jarak ke ibu kota. Impor lapisan jalan (Impor data, Jalan) untuk memeringkat menurut waktu tempuh.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Menghentikan…</translation>
    </message>
    <message>
        <source>Stopped: the ranking shown was made before the last change.</source>
        <translation>Dihentikan: peringkat yang tampil dibuat sebelum perubahan terakhir.</translation>
    </message>
    <message>
        <source>Stopped: nothing was ranked; the map is unchanged.</source>
        <translation>Dihentikan: tidak ada pekon yang diperingkat; peta tidak berubah.</translation>
    </message>
</context>
<context>
    <name>app::ui::PriorityPanel</name>
    <message>
        <source>Leave the pekon out</source>
        <translation>Pekon tidak dinilai</translation>
    </message>
    <message>
        <source>Fill in the worst value</source>
        <translation>Isi dengan nilai terburuk</translation>
    </message>
    <message>
        <source>Fill in the middle value (median)</source>
        <translation>Isi dengan nilai tengah (median)</translation>
    </message>
    <message>
        <source>What happens to a pekon that has no value for one of the indicators</source>
        <translation>Apa yang terjadi pada pekon yang tidak punya nilai untuk salah satu indikator</translation>
    </message>
    <message>
        <source>Pekon without a value</source>
        <translation>Pekon tanpa nilai</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>Skema</translation>
    </message>
    <message>
        <source>Name of the scheme</source>
        <translation>Nama skema</translation>
    </message>
    <message>
        <source>Save to the project</source>
        <translation>Simpan ke proyek</translation>
    </message>
    <message>
        <source>Keeps these weights in the project under the name given, for everyone who opens it</source>
        <translation>Menyimpan bobot ini di proyek dengan nama yang diberikan, untuk semua yang membukanya</translation>
    </message>
    <message>
        <source>Undo the changes</source>
        <translation>Batalkan perubahan</translation>
    </message>
    <message>
        <source>Restore the default scheme</source>
        <translation>Kembalikan skema bawaan</translation>
    </message>
    <message>
        <source>Goes back to the remote-area priority: five indicators with equal weights</source>
        <translation>Kembali ke prioritas wilayah terpencil: lima indikator dengan bobot sama</translation>
    </message>
    <message>
        <source>Rank stability</source>
        <translation>Kestabilan peringkat</translation>
    </message>
    <message>
        <source>How many times the weights are changed at random</source>
        <translation>Berapa kali bobot diubah secara acak</translation>
    </message>
    <message>
        <source>Draws</source>
        <translation>Jumlah percobaan</translation>
    </message>
    <message>
        <source>Each weight changed by up to</source>
        <translation>Setiap bobot diubah paling banyak</translation>
    </message>
    <message>
        <source>Count the top</source>
        <translation>Hitung peringkat teratas</translation>
    </message>
    <message>
        <source>Compute rank stability</source>
        <translation>Hitung kestabilan peringkat</translation>
    </message>
    <message>
        <source>Scores the pekon again many times with the weights changed a little, and shows how far each rank moves and how often each pekon stays in the top</source>
        <translation>Menilai ulang pekon berkali-kali dengan bobot yang sedikit diubah, lalu menunjukkan seberapa jauh peringkat bergeser dan seberapa sering setiap pekon tetap di peringkat teratas</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Share of the score</source>
        <translation>Bagian dari skor</translation>
    </message>
    <message>
        <source>Weight of %1</source>
        <translation>Bobot %1</translation>
    </message>
    <message>
        <source>Higher means more priority</source>
        <translation>Tinggi = prioritas</translation>
    </message>
    <message>
        <source>Lower means more priority</source>
        <translation>Rendah = prioritas</translation>
    </message>
    <message>
        <source>Scaled 0–1 (min–max)</source>
        <translation>Skala 0–1</translation>
    </message>
    <message>
        <source>Standard score (z)</source>
        <translation>Skor baku (z)</translation>
    </message>
    <message>
        <source>Rank (percentile)</source>
        <translation>Urutan persentil</translation>
    </message>
    <message>
        <source>How the values are brought to one scale before they are weighted</source>
        <translation>Cara nilai disamakan skalanya sebelum diberi bobot</translation>
    </message>
    <message>
        <source>Give at least one indicator a weight above zero.</source>
        <translation>Beri sedikitnya satu indikator bobot di atas nol.</translation>
    </message>
    <message>
        <source>The pekon cannot be scored with these settings: %1</source>
        <translation>Pekon tidak dapat dinilai dengan pengaturan ini: %1</translation>
    </message>
    <message>
        <source>Remote-area priority (default)</source>
        <translation>Prioritas wilayah terpencil (bawaan)</translation>
    </message>
    <message>
        <source>No analysis yet: the project needs boundaries, poverty figures and the regency capital.</source>
        <translation>Belum ada analisis: proyek memerlukan batas wilayah, angka kemiskinan dan ibu kota kabupaten.</translation>
    </message>
    <message>
        <source>Scheme: &lt;b&gt;%1&lt;/b&gt; — &lt;span style=&apos;color:#b36b00&apos;&gt;changed, not saved&lt;/span&gt;</source>
        <translation>Skema: &lt;b&gt;%1&lt;/b&gt; — &lt;span style=&apos;color:#b36b00&apos;&gt;diubah, belum disimpan&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Scheme: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Skema: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 pekon scored</source>
        <translation>%1 pekon dinilai</translation>
    </message>
    <message>
        <source>%1; %2 left out for a missing value.</source>
        <translation>%1; %2 tidak dinilai karena ada nilai yang kosong.</translation>
    </message>
    <message>
        <source>Schemes cannot be saved: %1</source>
        <translation>Skema tidak dapat disimpan: %1</translation>
    </message>
    <message>
        <source>Give the scheme a name first.</source>
        <translation>Beri nama skema terlebih dahulu.</translation>
    </message>
    <message>
        <source>The scheme was not saved: %1</source>
        <translation>Skema tidak tersimpan: %1</translation>
    </message>
    <message>
        <source>Saved in the project as &quot;%1&quot;.</source>
        <translation>Tersimpan di proyek sebagai &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Sedang menghitung…</translation>
    </message>
    <message>
        <source>Rank stability could not be computed: %1</source>
        <translation>Kestabilan peringkat tidak dapat dihitung: %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Dibatalkan.</translation>
    </message>
    <message>
        <source>The weights changed meanwhile: compute again.</source>
        <translation>Bobot berubah selama penghitungan: hitung lagi.</translation>
    </message>
    <message>
        <source>%1 draws with each weight changed by up to %2 %: %3 pekon stay in the top %4 in every draw, %5 more in at least half of them. The table shows each pekon&apos;s best and worst rank.</source>
        <translation>%1 percobaan, setiap bobot diubah paling banyak %2 %: %3 pekon selalu masuk %4 besar, %5 pekon lagi masuk dalam sedikitnya separuh percobaan. Tabel menunjukkan peringkat terbaik dan terburuk setiap pekon.</translation>
    </message>
    <message>
        <source>Position on the scale (category)</source>
        <translation>Posisi pada skala (kategori)</translation>
    </message>
</context>
<context>
    <name>app::ui::ProfilePanel</name>
    <message>
        <source>Click a pekon on the map or in the table to see its profile.</source>
        <translation>Klik sebuah pekon di peta atau di tabel untuk melihat profilnya.</translation>
    </message>
    <message>
        <source>The project has no pekon with the code %1.</source>
        <translation>Proyek ini tidak punya pekon dengan kode %1.</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>Kode: %1</translation>
    </message>
    <message>
        <source>Kecamatan: %1</source>
        <translation>Kecamatan: %1</translation>
    </message>
    <message>
        <source>Area: %1 km²</source>
        <translation>Luas: %1 km²</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritas</translation>
    </message>
    <message>
        <source>Score: %1 of 100</source>
        <translation>Skor: %1 dari 100</translation>
    </message>
    <message>
        <source>Rank: %1 of %2</source>
        <translation>Peringkat: %1 dari %2</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Poin</translation>
    </message>
    <message>
        <source>Not scored: a value the scheme needs is missing.</source>
        <translation>Tidak diberi skor: ada nilai yang diperlukan skema yang belum tersedia.</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <source>No values.</source>
        <translation>Belum ada nilai.</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Perubahan</translation>
    </message>
    <message>
        <source>Facilities</source>
        <translation>Fasilitas</translation>
    </message>
    <message>
        <source>The project has no facilities.</source>
        <translation>Proyek ini belum punya fasilitas.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Inside</source>
        <translation>Di dalam</translation>
    </message>
    <message>
        <source>Nearest (km)</source>
        <translation>Terdekat (km)</translation>
    </message>
    <message>
        <source>Nearest facility</source>
        <translation>Fasilitas terdekat</translation>
    </message>
    <message>
        <source>high-high (a hotspot)</source>
        <translation>tinggi-tinggi (titik panas)</translation>
    </message>
    <message>
        <source>low-low (a cold spot)</source>
        <translation>rendah-rendah (titik dingin)</translation>
    </message>
    <message>
        <source>high-low (high among low neighbours)</source>
        <translation>tinggi-rendah (tinggi di antara tetangga rendah)</translation>
    </message>
    <message>
        <source>low-high (low among high neighbours)</source>
        <translation>rendah-tinggi (rendah di antara tetangga tinggi)</translation>
    </message>
    <message>
        <source>not significant</source>
        <translation>tidak signifikan</translation>
    </message>
    <message>
        <source>not tested (no value or no neighbours)</source>
        <translation>tidak diuji (tanpa nilai atau tanpa tetangga)</translation>
    </message>
    <message>
        <source>Cluster of %1: %2</source>
        <translation>Klaster %1: %2</translation>
    </message>
    <message>
        <source>On the mainland</source>
        <translation>Di daratan utama</translation>
    </message>
    <message>
        <source>Partly on an island (%1 km² off the mainland)</source>
        <translation>Sebagian di pulau (%1 km² di luar daratan utama)</translation>
    </message>
    <message>
        <source>On an island</source>
        <translation>Di pulau</translation>
    </message>
    <message>
        <source>No boundary</source>
        <translation>Tanpa batas wilayah</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Letak</translation>
    </message>
    <message>
        <source>Analysis period %1, scheme &quot;%2&quot;.</source>
        <translation>Periode analisis %1, skema &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Rank change against the scheme before editing: %1</source>
        <translation>Perubahan peringkat dibanding skema sebelum diubah: %1</translation>
    </message>
    <message>
        <source>Rank with the weights changed a little: from %1 to %2</source>
        <translation>Peringkat bila bobot sedikit diubah: dari %1 sampai %2</translation>
    </message>
    <message>
        <source>In the top %1 in %2 % of the draws</source>
        <translation>Masuk %1 besar dalam %2 % percobaan</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <source>Position on the scale</source>
        <translation>Posisi pada skala</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 dari %2</translation>
    </message>
</context>
<context>
    <name>app::ui::ProjectActions</name>
    <message>
        <source>Open project</source>
        <translation>Buka proyek</translation>
    </message>
    <message>
        <source>Sasaran projects (*.sasaran.sqlite);;All files (*)</source>
        <translation>Proyek Sasaran (*.sasaran.sqlite);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Village boundaries</source>
        <translation>Batas desa/pekon</translation>
    </message>
    <message>
        <source>Boundary files (*.gpkg *.shp *.geojson *.json);;All files (*)</source>
        <translation>Berkas batas (*.gpkg *.shp *.geojson *.json);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Sasaran projects (*.sasaran.sqlite)</source>
        <translation>Proyek Sasaran (*.sasaran.sqlite)</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Simpan salinan</translation>
    </message>
    <message>
        <source>Saved a copy as %1</source>
        <translation>Salinan disimpan sebagai %1</translation>
    </message>
    <message>
        <source>Export atlas</source>
        <translation>Ekspor atlas</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export meeting pack</source>
        <translation>Ekspor bahan rakor</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 telah ditulis</translation>
    </message>
    <message>
        <source>Writing the atlas per kecamatan…</source>
        <translation>Menulis atlas per kecamatan…</translation>
    </message>
    <message>
        <source>Writing the meeting pack…</source>
        <translation>Menulis bahan rakor…</translation>
    </message>
    <message>
        <source>Making the project from %1…</source>
        <translation>Membuat proyek dari %1…</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Proyek baru</translation>
    </message>
    <message>
        <source>%1 exists. Replace it with the new project?</source>
        <translation>%1 sudah ada. Ganti dengan proyek baru?</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Stopped: %1 was not written.</source>
        <translation>Dihentikan: %1 tidak ditulis.</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>halaman %1 dari %2</translation>
    </message>
</context>
<context>
    <name>app::ui::RoadImportPage</name>
    <message>
        <source>Roads</source>
        <translation>Jalan</translation>
    </message>
    <message>
        <source>The road layer is drawn on the map and gives travel minutes for analysis and placement. Import replaces the roads the project has.</source>
        <translation>Lapisan jalan digambar di peta dan memberi menit perjalanan untuk analisis dan penempatan. Impor menggantikan jalan yang sudah ada di proyek.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Road class field</source>
        <translation>Kolom kelas jalan</translation>
    </message>
    <message>
        <source>Default speeds (see the README); or a JSON file of class and km/h</source>
        <translation>Kecepatan bawaan (lihat README); atau berkas JSON kelas dan km/jam</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>Speeds</source>
        <translation>Kecepatan</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Kelas</translation>
    </message>
    <message>
        <source>Length (km)</source>
        <translation>Panjang (km)</translation>
    </message>
    <message>
        <source>Speed (km/h)</source>
        <translation>Kecepatan (km/jam)</translation>
    </message>
    <message>
        <source>Choose the speed table</source>
        <translation>Pilih tabel kecepatan</translation>
    </message>
    <message>
        <source>Speed tables (*.json);;All files (*)</source>
        <translation>Tabel kecepatan (*.json);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>%1, layer %2</source>
        <translation>%1, lapisan %2</translation>
    </message>
    <message>
        <source>(detect: highway, fclass, kelas, …)</source>
        <translation>(deteksi: highway, fclass, kelas, …)</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>Berkas tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <source>These roads cannot be imported: %1</source>
        <translation>Jalan ini tidak dapat diimpor: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n road(s) in %1 class(es), class from %2. Import replaces the roads of the project.</source>
        <translation>
            <numerusform>%n jalan dalam %1 kelas, kelas dari %2. Impor menggantikan jalan proyek.</numerusform>
        </translation>
    </message>
    <message>
        <source>no field (every road is &quot;jalan&quot;)</source>
        <translation>tanpa kolom (setiap jalan berkelas &quot;jalan&quot;)</translation>
    </message>
    <message>
        <source>field %1</source>
        <translation>kolom %1</translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>Impor data</translation>
    </message>
    <message>
        <source>Nothing was written to the project: %1</source>
        <translation>Tidak ada yang ditulis ke proyek: %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported into the project: %n road(s).</source>
        <translation>
            <numerusform>Diimpor ke proyek: %n jalan.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>app::ui::SearchPanel</name>
    <message>
        <source>Find a pekon or kecamatan by name or code</source>
        <translation>Cari pekon atau kecamatan menurut nama atau kode</translation>
    </message>
    <message>
        <source>Kecamatan %1 (%2)</source>
        <translation>Kecamatan %1 (%2)</translation>
    </message>
    <message>
        <source>Several pekon match &apos;%1&apos;: %2. Type more of the name or pick one from the list.</source>
        <translation>Beberapa pekon cocok dengan &apos;%1&apos;: %2. Ketik nama lebih lengkap atau pilih dari daftar.</translation>
    </message>
    <message>
        <source>No pekon or kecamatan is called &apos;%1&apos;. Check the spelling or search by code.</source>
        <translation>Tidak ada pekon atau kecamatan bernama &apos;%1&apos;. Periksa ejaannya atau cari menurut kode.</translation>
    </message>
</context>
<context>
    <name>app::ui::ServerProjectDialog</name>
    <message>
        <source>e.g. 10.18.6.20 or bappelitbang.local</source>
        <translation>mis. 10.18.6.20 atau bappelitbang.local</translation>
    </message>
    <message>
        <source>e.g. sasaran</source>
        <translation>mis. sasaran</translation>
    </message>
    <message>
        <source>your PostgreSQL user</source>
        <translation>pengguna PostgreSQL Anda</translation>
    </message>
    <message>
        <source>e.g. tanggamus</source>
        <translation>mis. tanggamus</translation>
    </message>
    <message>
        <source>leave empty to use ~/.pgpass</source>
        <translation>kosongkan untuk memakai ~/.pgpass</translation>
    </message>
    <message>
        <source>Server (host)</source>
        <translation>Server (host)</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Basis data</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Proyek</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>The password is used for this session only and is never saved by Sasaran. To keep it, put it in ~/.pgpass (one line host:port:database:user:password, readable by you only).</source>
        <translation>Kata sandi hanya dipakai untuk sesi ini dan tidak pernah disimpan oleh Sasaran. Untuk menyimpannya, tulis di ~/.pgpass (satu baris host:port:basisdata:pengguna:katasandi, hanya bisa dibaca oleh Anda).</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Fill in the server.</source>
        <translation>Isi server.</translation>
    </message>
    <message>
        <source>Fill in the database.</source>
        <translation>Isi basis data.</translation>
    </message>
    <message>
        <source>Fill in the user.</source>
        <translation>Isi pengguna.</translation>
    </message>
    <message>
        <source>Fill in the project: lower-case letters, digits and _.</source>
        <translation>Isi proyek: huruf kecil, angka dan _.</translation>
    </message>
</context>
<context>
    <name>app::ui::SharedProjects</name>
    <message>
        <source>Open a &amp;server project…</source>
        <translation>Buka proyek ser&amp;ver…</translation>
    </message>
    <message>
        <source>Copy this project &amp;to the server…</source>
        <translation>Sal&amp;in proyek ini ke server…</translation>
    </message>
    <message>
        <source>Copy a server project to a &amp;file…</source>
        <translation>Salin &amp;proyek server ke berkas…</translation>
    </message>
    <message>
        <source>&amp;Rename the project…</source>
        <translation>&amp;Ganti nama proyek…</translation>
    </message>
    <message>
        <source>Read-only note</source>
        <translation>Catatan hanya baca</translation>
    </message>
    <message>
        <source>Last changed %1</source>
        <translation>Terakhir diubah %1</translation>
    </message>
    <message>
        <source>Last changed by %1, %2</source>
        <translation>Terakhir diubah oleh %1, %2</translation>
    </message>
    <message>
        <source>Read only: %1 Editing is turned off.</source>
        <translation>Hanya baca: %1 Penyuntingan dimatikan.</translation>
    </message>
    <message>
        <source>Copying the project to the server…</source>
        <translation>Menyalin proyek ke server…</translation>
    </message>
    <message>
        <source>Copied %1 areas, %2 facilities and %3 values to %4</source>
        <translation>Tersalin %1 wilayah, %2 fasilitas dan %3 nilai ke %4</translation>
    </message>
    <message>
        <source>Copying the server project to a file…</source>
        <translation>Menyalin proyek server ke berkas…</translation>
    </message>
    <message>
        <source>Open a server project</source>
        <translation>Buka proyek server</translation>
    </message>
    <message>
        <source>A project shared on the office&apos;s PostgreSQL server. You see what your user may see; if you may only read it, editing is turned off.</source>
        <translation>Proyek bersama di server PostgreSQL kantor. Anda melihat apa yang boleh dilihat pengguna Anda; jika hanya boleh membaca, penyuntingan dimatikan.</translation>
    </message>
    <message>
        <source>Copy this project to the server</source>
        <translation>Salin proyek ini ke server</translation>
    </message>
    <message>
        <source>The whole project is copied in one step to a new project on the server; the project open here stays as it is.</source>
        <translation>Seluruh proyek disalin sekaligus ke proyek baru di server; proyek yang terbuka di sini tetap seperti adanya.</translation>
    </message>
    <message>
        <source>A project named %1 already exists on the server. Replace it with this one?</source>
        <translation>Proyek bernama %1 sudah ada di server. Ganti dengan proyek ini?</translation>
    </message>
    <message>
        <source>Copy a server project to a file</source>
        <translation>Salin proyek server ke berkas</translation>
    </message>
    <message>
        <source>The whole server project is copied into a project file on this computer, to work on it without the network.</source>
        <translation>Seluruh proyek server disalin ke berkas proyek di komputer ini, untuk dikerjakan tanpa jaringan.</translation>
    </message>
    <message>
        <source>Save the copy as</source>
        <translation>Simpan salinan sebagai</translation>
    </message>
    <message>
        <source>Sasaran projects (*.sasaran.sqlite)</source>
        <translation>Proyek Sasaran (*.sasaran.sqlite)</translation>
    </message>
    <message>
        <source>Rename the project</source>
        <translation>Ganti nama proyek</translation>
    </message>
    <message>
        <source>Name shown on maps and in the meeting pack:</source>
        <translation>Nama yang tampil di peta dan bahan Rakor:</translation>
    </message>
    <message>
        <source>The project is now named %1</source>
        <translation>Nama proyek sekarang %1</translation>
    </message>
    <message numerus="yes">
        <source>; %n raster(s) (elevation, land cover, population)</source>
        <translation>
            <numerusform>; %n raster (ketinggian, tutupan lahan, penduduk)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>app::ui::StatusPanel</name>
    <message>
        <source>Scale 1:%1</source>
        <translation>Skala 1:%1</translation>
    </message>
    <message>
        <source>UTM %1: %2 m E, %3 m N</source>
        <translation>UTM %1: %2 m T, %3 m U</translation>
    </message>
    <message>
        <source>%1°, %2°</source>
        <translation>%1°, %2°</translation>
    </message>
</context>
<context>
    <name>app::ui::StylePanel</name>
    <message>
        <source>Layer</source>
        <translation>Lapisan</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Priority scheme</source>
        <translation>Skema prioritas</translation>
    </message>
    <message>
        <source>Quantiles</source>
        <translation>Kuantil</translation>
    </message>
    <message>
        <source>Equal intervals</source>
        <translation>Interval sama</translation>
    </message>
    <message>
        <source>Natural breaks (Jenks)</source>
        <translation>Natural breaks (Jenks)</translation>
    </message>
    <message>
        <source>Standard deviations</source>
        <translation>Simpangan baku</translation>
    </message>
    <message>
        <source>Manual breaks</source>
        <translation>Batas manual</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Klasifikasi</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Jumlah kelas</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Warna</translation>
    </message>
    <message>
        <source>e.g. %1; %2; %3</source>
        <translation>mis. %1; %2; %3</translation>
    </message>
    <message>
        <source>Upper bounds of the classes, ascending, separated by semicolons</source>
        <translation>Batas atas tiap kelas, dari kecil ke besar, dipisah titik koma</translation>
    </message>
    <message>
        <source>Breaks</source>
        <translation>Batas kelas</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Remote-area priority (default)</source>
        <translation>Prioritas wilayah terpencil (bawaan)</translation>
    </message>
    <message>
        <source>“%1” is not a number. Write the breaks like %2; %3.</source>
        <translation>“%1” bukan angka. Tulis batas kelas seperti %2; %3.</translation>
    </message>
    <message>
        <source>The breaks must grow from left to right.</source>
        <translation>Batas kelas harus makin besar dari kiri ke kanan.</translation>
    </message>
    <message>
        <source>Show the change of the indicator from this period to the period above (later minus earlier; the poverty rate in percentage points)</source>
        <translation>Tampilkan perubahan indikator dari periode ini ke periode di atas (periode akhir dikurangi periode awal; tingkat kemiskinan dalam poin persen)</translation>
    </message>
    <message>
        <source>Compare with period</source>
        <translation>Bandingkan dengan periode</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <source>Colour only the pekon at this level of the category, e.g. Tidak for the pekon without it; the others are drawn plain</source>
        <translation>Warnai hanya pekon pada tingkat kategori ini, mis. Tidak untuk pekon yang belum memilikinya; pekon lain digambar polos</translation>
    </message>
    <message>
        <source>Show only</source>
        <translation>Tampilkan hanya</translation>
    </message>
    <message>
        <source>(every level)</source>
        <translation>(semua tingkat)</translation>
    </message>
</context>
<context>
    <name>app::ui::TablePanel</name>
    <message>
        <source>Filter, e.g. poverty_rate &gt; 20 and n_bumdes = 0 (press Enter)</source>
        <translation>Saringan, mis. poverty_rate &gt; 20 and n_bumdes = 0 (tekan Enter)</translation>
    </message>
    <message>
        <source>Export selection…</source>
        <translation>Ekspor pilihan…</translation>
    </message>
    <message>
        <source>Writes the selected pekon (or every pekon shown when none is selected) to a CSV or Excel file</source>
        <translation>Menulis pekon terpilih (atau semua pekon yang tampil bila tidak ada yang dipilih) ke berkas CSV atau Excel</translation>
    </message>
    <message>
        <source>The filter is not understood at character %1: %2</source>
        <translation>Saringan tidak dipahami pada karakter ke-%1: %2</translation>
    </message>
    <message>
        <source>%1 of %2 pekon</source>
        <translation>%1 dari %2 pekon</translation>
    </message>
    <message>
        <source>There is no table to export.</source>
        <translation>Tidak ada tabel untuk diekspor.</translation>
    </message>
    <message>
        <source>Choose a file name ending in .csv or .xlsx.</source>
        <translation>Pilih nama berkas berakhiran .csv atau .xlsx.</translation>
    </message>
    <message>
        <source>The file %1 could not be written: %2</source>
        <translation>Berkas %1 tidak dapat ditulis: %2</translation>
    </message>
    <message>
        <source>Export selection</source>
        <translation>Ekspor pilihan</translation>
    </message>
    <message>
        <source>CSV table (*.csv);;Excel workbook (*.xlsx)</source>
        <translation>Tabel CSV (*.csv);;Buku kerja Excel (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>app::ui::VillageTableModel</name>
    <message>
        <source>the regency capital</source>
        <translation>ibu kota kabupaten</translation>
    </message>
    <message>
        <source>the kecamatan</source>
        <translation>kecamatan</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Area (km²)</source>
        <translation>Luas (km²)</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>Penduduk</translation>
    </message>
    <message>
        <source>Poor people</source>
        <translation>Penduduk miskin</translation>
    </message>
    <message>
        <source>Poverty rate (%)</source>
        <translation>Tingkat kemiskinan (%)</translation>
    </message>
    <message>
        <source>Poor people per km²</source>
        <translation>Penduduk miskin per km²</translation>
    </message>
    <message>
        <source>Priority score</source>
        <translation>Skor prioritas</translation>
    </message>
    <message>
        <source>Priority rank</source>
        <translation>Peringkat prioritas</translation>
    </message>
    <message>
        <source>Poverty rate, smoothed (%)</source>
        <translation>Tingkat kemiskinan, dihaluskan (%)</translation>
    </message>
    <message>
        <source>Island (0 mainland, 1 partly, 2 wholly)</source>
        <translation>Pulau (0 daratan, 1 sebagian, 2 seluruhnya)</translation>
    </message>
    <message>
        <source>Area off the mainland (km²)</source>
        <translation>Luas di luar daratan utama (km²)</translation>
    </message>
    <message>
        <source>Contribution: %1</source>
        <translation>Kontribusi: %1</translation>
    </message>
    <message>
        <source>Distance to %1 (km)</source>
        <translation>Jarak ke %1 (km)</translation>
    </message>
    <message>
        <source>Travel time to %1 (min)</source>
        <translation>Waktu tempuh ke %1 (menit)</translation>
    </message>
    <message>
        <source>%1 inside</source>
        <translation>%1 di dalam</translation>
    </message>
    <message>
        <source>No %1 inside</source>
        <translation>Tidak ada %1 di dalam</translation>
    </message>
    <message>
        <source>no value</source>
        <translation>tidak ada nilai</translation>
    </message>
    <message>
        <source>In a filter: %1</source>
        <translation>Dalam saringan: %1</translation>
    </message>
    <message>
        <source>Rank change</source>
        <translation>Perubahan peringkat</translation>
    </message>
    <message>
        <source>Best rank in the draws</source>
        <translation>Peringkat terbaik dalam percobaan</translation>
    </message>
    <message>
        <source>Worst rank in the draws</source>
        <translation>Peringkat terburuk dalam percobaan</translation>
    </message>
    <message>
        <source>In the top %1 (% of draws)</source>
        <translation>Masuk %1 besar (% percobaan)</translation>
    </message>
    <message numerus="yes">
        <source>%n place(s) higher than with the scheme before editing</source>
        <translation>
            <numerusform>naik %n peringkat dibanding skema sebelum diubah</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n place(s) lower than with the scheme before editing</source>
        <translation>
            <numerusform>turun %n peringkat dibanding skema sebelum diubah</numerusform>
        </translation>
    </message>
    <message>
        <source>the same rank as with the scheme before editing</source>
        <translation>peringkat sama dengan skema sebelum diubah</translation>
    </message>
    <message>
        <source>IDM status</source>
        <translation>Status IDM</translation>
    </message>
</context>
<context>
    <name>app::ui::Workspace</name>
    <message>
        <source>Tanggamus (example)</source>
        <translation>Tanggamus (contoh)</translation>
    </message>
    <message>
        <source>Kecamatan names</source>
        <translation>Nama kecamatan</translation>
    </message>
    <message>
        <source>Pekon names (when they fit)</source>
        <translation>Nama pekon (bila muat)</translation>
    </message>
    <message>
        <source>Facilities: %1</source>
        <translation>Fasilitas: %1</translation>
    </message>
    <message>
        <source>Reach of %1 (%2 km)</source>
        <translation>Jangkauan %1 (%2 km)</translation>
    </message>
    <message>
        <source>Pekon (thematic layer)</source>
        <translation>Pekon (lapisan tematik)</translation>
    </message>
    <message>
        <source>Priority score</source>
        <translation>Skor prioritas</translation>
    </message>
    <message>
        <source>Hotspots (LISA) of the poverty rate</source>
        <translation>Klaster LISA tingkat kemiskinan</translation>
    </message>
    <message>
        <source>Base map (areas only)</source>
        <translation>Peta dasar (wilayah saja)</translation>
    </message>
    <message>
        <source>Boundaries: imported</source>
        <translation>Batas wilayah: hasil impor</translation>
    </message>
    <message>
        <source>Boundaries: %1</source>
        <translation>Batas wilayah: %1</translation>
    </message>
    <message>
        <source>Boundaries: illustrative (not official)</source>
        <translation>Batas wilayah: ilustrasi (bukan resmi)</translation>
    </message>
    <message>
        <source>Values: illustrative (not official figures)</source>
        <translation>Angka: ilustrasi (bukan angka resmi)</translation>
    </message>
    <message>
        <source>Values: none imported yet</source>
        <translation>Angka: belum ada yang diimpor</translation>
    </message>
    <message>
        <source>Values: imported</source>
        <translation>Angka: hasil impor</translation>
    </message>
    <message>
        <source>Values: %1</source>
        <translation>Angka: %1</translation>
    </message>
    <message>
        <source>You may only read this project on the server: ask its owner for write access.</source>
        <translation>Anda hanya dapat membaca proyek ini di server: mintalah hak menulis kepada pemiliknya.</translation>
    </message>
    <message>
        <source>The project file cannot be written (read-only file or folder): save a copy to edit it.</source>
        <translation>Berkas proyek tidak dapat ditulis (berkas atau folder hanya-baca): simpan salinannya untuk mengubahnya.</translation>
    </message>
    <message>
        <source>No temporary folder can be written, so the example cannot be edited.</source>
        <translation>Tidak ada folder sementara yang dapat ditulis, sehingga contoh tidak dapat diubah.</translation>
    </message>
    <message>
        <source>No project is open for editing.</source>
        <translation>Tidak ada proyek yang terbuka untuk diubah.</translation>
    </message>
    <message>
        <source>This project is not stored anywhere: save a copy to edit it.</source>
        <translation>Proyek ini tidak tersimpan di mana pun: simpan salinannya untuk mengubahnya.</translation>
    </message>
    <message>
        <source>Hotspots (LISA) of %1</source>
        <translation>Klaster LISA %1</translation>
    </message>
    <message>
        <source>POKDARWIS candidate score</source>
        <translation>Skor calon POKDARWIS</translation>
    </message>
    <message>
        <source>The file was written, but the export log of the project could not be: %1</source>
        <translation>Berkas sudah ditulis, tetapi catatan ekspor proyek tidak dapat ditulis: %1</translation>
    </message>
    <message>
        <source>Jalan (roads)</source>
        <translation>Jalan</translation>
    </message>
</context>
</TS>

<?xml version='1.0' encoding='utf-8'?>
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
        <source>Save the new project as</source>
        <translation>Simpan proyek baru sebagai</translation>
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
</context>
</TS>
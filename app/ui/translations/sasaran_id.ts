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
        <source>Placement</source>
        <translation>Penempatan</translation>
    </message>
</context>
<context>
    <name>app::ui::PlacementPanel</name>
    <message>
        <source>New facilities</source>
        <translation>Fasilitas baru</translation>
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
        <source>Newly reached</source>
        <translation>Tambahan terjangkau</translation>
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
        <source>This project has no road network, so reach is measured as distance. Import a road layer to plan by travel time.</source>
        <translation>Proyek ini belum memuat jaringan jalan, jadi jangkauan diukur sebagai jarak. Impor lapisan jalan untuk merencanakan menurut waktu tempuh.</translation>
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
        <source>Capacity</source>
        <translation>Kapasitas</translation>
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
        <source>Maximal covering</source>
        <translation>Cakupan maksimal</translation>
    </message>
    <message>
        <source>Shortest distance (p-median)</source>
        <translation>Jarak terpendek (p-median)</translation>
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
        <source>Each facility, existing or new, serves at most this many poor people</source>
        <translation>Tiap fasilitas, yang ada maupun yang baru, melayani paling banyak sejumlah penduduk miskin ini</translation>
    </message>
    <message>
        <source> poor people per facility</source>
        <translation> penduduk miskin per fasilitas</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Tambahan</translation>
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
    <message>
        <source>Making the project from %1…</source>
        <translation>Membuat proyek dari %1…</translation>
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
</context>
</TS>

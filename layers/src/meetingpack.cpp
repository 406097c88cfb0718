#include "layers/meetingpack.h"

#include "gis/error.h"
#include "gis/indicators.h"
#include "gis/personaldata.h"
#include "gis/referencenaming.h"
#include "layers/facilitysymbol.h"
#include "layers/mapexport.h"
#include "layers/maplayers.h"
#include "layers/maprecipe.h"
#include "layers/meetingfindings.h"
#include "layers/numberformat.h"
#include "meetingpack_p.h"
#include "units.h"

#include <QDate>
#include <QPainter>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <numeric>
#include <optional>
#include <set>

namespace layers {

namespace {

std::string tr(Lang lang, const char* id, const char* en)
{
    return lang == Lang::En ? en : id;
}

std::string number(double v, int decimals)
{
    return std::isfinite(v) ? formatNumber(v, decimals) : std::string("–");
}

/// Row indices of \a table in priority order (rank 1 first; excluded villages last, by code).
std::vector<std::size_t> byPriority(const gis::AnalysisTable& table, const std::vector<std::string>& onlyCodes = {})
{
    std::vector<std::size_t> rows;
    std::set<std::string> only(onlyCodes.begin(), onlyCodes.end());
    for (std::size_t i = 0; i < table.rows.size(); ++i)
        if (only.empty() || only.contains(table.rows[i].kode))
            rows.push_back(i);
    const std::size_t rankCol = table.column("priority_rank");
    std::sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
        const double ra = table.rows[a].values[rankCol], rb = table.rows[b].values[rankCol];
        const bool fa = std::isfinite(ra) && ra > 0, fb = std::isfinite(rb) && rb > 0;
        if (fa != fb)
            return fa;
        if (fa && ra != rb)
            return ra < rb;
        return table.rows[a].kode < table.rows[b].kode;
    });
    return rows;
}

/// A DTSEN-derived count printed beside the priority columns: small counts as "<N".
struct CountColumn {
    std::string key;
    std::string label;
    std::map<std::string, double> values; ///< by village code
};

/// The DTSEN-derived counts a table shows: the atlas's mapped count, the counts the scheme weighs.
std::vector<CountColumn> personalCountColumns(const gis::Dataset& ds, const gis::AnalysisTable& table,
                                              const std::string& mappedKey, const ThematicMapSpec& style)
{
    std::vector<CountColumn> out;
    auto add = [&](const std::string& key, std::map<std::string, double> values) {
        if (!gis::isPersonalDataCount(key))
            return;
        for (const CountColumn& c : out)
            if (c.key == key)
                return;
        std::string label = key;
        try {
            label = gis::indicatorInfo(ds, key).label;
        } catch (const gis::Error&) {
        }
        out.push_back({key, label, std::move(values)});
    };
    if (gis::isPersonalDataCount(mappedKey)) {
        if (style.layer)
            add(mappedKey, style.layer->values);
        else
            add(mappedKey, gis::indicatorValues(ds, mappedKey, style.period));
    }
    for (const gis::SchemeIndicator& i : table.scheme.indicators) {
        const auto in = table.inputs.find(i.key);
        if (in == table.inputs.end() || !gis::isPersonalDataCount(i.key))
            continue;
        std::map<std::string, double> values;
        for (std::size_t r = 0; r < table.rows.size() && r < in->second.size(); ++r)
            if (std::isfinite(in->second[r]))
                values[table.rows[r].kode] = in->second[r];
        add(i.key, std::move(values));
    }
    return out;
}

/// The table note on small counts (an empty string when nothing is shown or nothing suppressed).
std::string smallCountNote(const std::vector<CountColumn>& counts, int threshold, Lang lang)
{
    if (counts.empty())
        return {};
    if (threshold <= 1)
        return tr(lang, " TERBATAS: angka DTSEN, jumlah kecil tidak disembunyikan.",
                  " RESTRICTED: DTSEN figures, small counts not suppressed.");
    const std::string n = std::to_string(threshold);
    return tr(lang, " TERBATAS: jumlah DTSEN 1 sampai ", " RESTRICTED: DTSEN counts from 1 to ")
        + std::to_string(threshold - 1) + tr(lang, " ditulis \"<", " are written \"<") + n
        + tr(lang, "\" agar keluarga tidak dapat dikenali.", "\" so that no family can be recognised.");
}

/// The ranked village table of the atlas pages and the report.
PageTable priorityTable(const gis::AnalysisTable& table, const std::vector<std::size_t>& rows, Lang lang,
                        const std::string& title, bool withKecamatan, bool city,
                        const std::vector<CountColumn>& counts = {}, int threshold = gis::kDefaultSmallCountThreshold)
{
    PageTable t;
    t.title = title;
    t.columns = {
        {tr(lang, "Peringkat", "Rank"), true, 1.0}, {"Kode", false, 1.6}, {tr(lang, "Nama", "Name"), false, 2.0, true}};
    if (withKecamatan)
        t.columns.push_back({"Kecamatan", false, 1.7, true});
    t.columns.insert(t.columns.end(),
                     {{tr(lang, "Tingkat kemiskinan (%)", "Poverty rate (%)"), true, 1.2},
                      {tr(lang, "Penduduk miskin", "Poor people"), true, 1.1},
                      {tr(lang, "Puskessos terdekat (km)", "Nearest Puskessos (km)"), true, 1.3},
                      {tr(lang, "Skor", "Score"), true, 0.8}});
    for (const CountColumn& c : counts)
        t.columns.push_back({c.label, true, 1.1});
    const std::size_t rate = table.column("poverty_rate"), poor = table.column("miskin"),
                      dist = table.column("dist_puskessos_km"), score = table.column("priority_score"),
                      rank = table.column("priority_rank");
    for (std::size_t i : rows) {
        const auto& r = table.rows[i];
        std::vector<std::string> cells = {std::isfinite(r.values[rank]) && r.values[rank] > 0
                                              ? formatNumber(r.values[rank], 0)
                                              : tr(lang, "tidak dinilai", "not scored"),
                                          r.kode, r.nama};
        if (withKecamatan)
            cells.push_back(r.kecamatan);
        cells.insert(cells.end(),
                     {number(r.values[rate], 1), number(r.values[poor], 0), number(r.values[dist], 1),
                      number(r.values[score], 1)});
        for (const CountColumn& c : counts) {
            const auto v = c.values.find(r.kode);
            cells.push_back(v == c.values.end() ? std::string("–")
                                                : gis::publishedCount(v->second, threshold, number(v->second, 0)));
        }
        t.rows.push_back(std::move(cells));
    }
    t.note = tr(lang, "Skor 0–100 dari skema \"", "Score 0–100 from the scheme \"") + table.scheme.name
        + (city ? tr(lang, "\"; peringkat 1 = prioritas tertinggi di kota. Periode ",
                     "\"; rank 1 = highest priority in the city. Period ")
                : tr(lang, "\"; peringkat 1 = prioritas tertinggi di kabupaten. Periode ",
                     "\"; rank 1 = highest priority in the regency. Period "))
        + table.period + "." + smallCountNote(counts, threshold, lang);
    return t;
}

/// \a spec with the map recipe's \a layer (and the latest run's proposed sites) resolved.
ThematicMapSpec withLayer(const gis::Dataset& ds, const ThematicMapSpec& spec, const std::string& layer,
                          const gis::AnalysisTable& table, bool proposals = false)
{
    MapTemplate t;
    t.spec = spec;
    t.layer = layer;
    t.proposals = proposals;
    return resolveMap(ds, t, &table).spec;
}

/// \a spec drawing the change of the poverty rate from \a earlier to the analysed period.
ThematicMapSpec changeSpec(const gis::Dataset& ds, const ThematicMapSpec& spec, const gis::AnalysisTable& table,
                           const std::string& earlier)
{
    MapTemplate t;
    t.spec = spec;
    t.spec.layer.reset();
    t.spec.title.clear();
    t.spec.subtitle.clear();
    t.spec.manualBreaks.clear();
    t.spec.manualMinimum.reset();
    t.spec.indicatorKey = "poverty_rate";
    t.spec.period = table.period;
    t.spec.comparePeriod = earlier;
    return resolveMap(ds, t, &table).spec;
}

/// True when the analysis scored at least one village (a project without facilities, e.g. a
/// city whose facilities are not imported yet, may have no score at all).
bool anyScore(const gis::AnalysisTable& table)
{
    const std::size_t score = table.column("priority_score");
    return std::any_of(table.rows.begin(), table.rows.end(),
                       [score](const gis::AnalysisTable::Row& r) { return std::isfinite(r.values[score]); });
}

/// Why no village has a score, in a plain sentence: the scheme's indicators no village has.
std::string unscoredNote(const gis::Dataset& ds, const gis::AnalysisTable& table, Lang lang)
{
    std::vector<std::string> lacking;
    for (const gis::SchemeIndicator& i : table.scheme.indicators) {
        const auto in = table.inputs.find(i.key);
        if (in != table.inputs.end()
            && std::any_of(in->second.begin(), in->second.end(), [](double v) { return std::isfinite(v); }))
            continue;
        std::string label = i.key;
        try {
            label = gis::indicatorInfo(ds, i.key).label;
        } catch (const gis::Error&) {
        }
        lacking.push_back(label);
    }
    std::string list;
    for (std::size_t k = 0; k < lacking.size(); ++k)
        list += (k == 0 ? "" : k + 1 == lacking.size() ? tr(lang, " dan ", " and ") : ", ") + lacking[k];
    return tr(lang, "Skor prioritas belum dapat dihitung: ", "The priority score cannot be computed yet: ")
        + (list.empty() ? tr(lang, "setiap pekon kekurangan nilai skema.", "every village lacks a value of the scheme.")
                        : tr(lang, "tidak ada pekon yang memiliki nilai ", "no village has a value of ") + list
                  + tr(lang, " (impor fasilitasnya dulu).", " (import the facilities first)."))
        + tr(lang, " Halaman ini menampilkan tingkat kemiskinan.", " This page shows the poverty rate.");
}

/// The map of the poverty rate shown instead of the score when nothing is scored.
ThematicMapSpec povertyInstead(const ThematicMapSpec& spec, const gis::AnalysisTable& table)
{
    ThematicMapSpec out = spec;
    out.layer.reset();
    out.indicatorKey = "poverty_rate";
    out.period = table.period;
    return out;
}

/// Rows in the order of the poverty rate, highest first (no score to rank by).
std::vector<std::size_t> byPovertyRate(const gis::AnalysisTable& table)
{
    std::vector<std::size_t> rows(table.rows.size());
    std::iota(rows.begin(), rows.end(), std::size_t{0});
    const std::size_t rate = table.column("poverty_rate");
    std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
        const double ra = table.rows[a].values[rate], rb = table.rows[b].values[rate];
        if (std::isfinite(ra) != std::isfinite(rb))
            return std::isfinite(ra);
        return std::isfinite(ra) && ra > rb;
    });
    return rows;
}

std::string pageLabel(Lang lang, int page, int pages)
{
    return tr(lang, "Halaman ", "Page ") + std::to_string(page) + " / " + std::to_string(pages);
}

std::string todayText(Lang lang)
{
    const QDate d = QDate::currentDate();
    return longDate(QString::asprintf("%04d-%02d-%02d", d.year(), d.month(), d.day()).toStdString(), lang);
}

/// The first page: the findings as numbered sentences, with where their figures are printed.
void drawFindingsPage(QPainter& painter, const QRectF& page, double dpi, const std::string& title,
                      const std::string& subtitle, const std::vector<std::string>& findings, const std::string& footer,
                      const std::string& label, bool illustrative, Lang lang)
{
    const detail::Units u{dpi};
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.fillRect(page, Qt::white);
    const QRectF body = page.adjusted(u.mm(22), u.mm(16), -u.mm(22), -u.mm(14));
    double y = body.top();
    auto text = [&](const std::string& s, const QFont& font, const QColor& color, double left, double after) {
        painter.setFont(font);
        painter.setPen(color);
        const QRectF room(left, y, body.right() - left, body.bottom() - y);
        const QRectF used = painter.boundingRect(room, Qt::TextWordWrap | Qt::AlignLeft, QString::fromStdString(s));
        painter.drawText(room, Qt::TextWordWrap | Qt::AlignLeft, QString::fromStdString(s));
        y = used.bottom() + after;
        return used;
    };
    text(title, u.font(20, true), QColor(0x1a, 0x1a, 0x1a), body.left(), u.mm(2));
    text(subtitle, u.font(11), QColor(0x55, 0x55, 0x55), body.left(), u.mm(3));
    painter.setPen(QPen(QColor(0xc0, 0x39, 0x2b), u.mm(0.8)));
    painter.drawLine(QPointF(body.left(), y), QPointF(body.left() + u.mm(40), y));
    y += u.mm(8);
    const QFont numberFont = u.font(13, true);
    const QFont sentenceFont = u.font(13);
    const double indent = u.mm(12);
    for (std::size_t i = 0; i < findings.size(); ++i) {
        painter.setFont(numberFont);
        painter.setPen(QColor(0xc0, 0x39, 0x2b));
        const QFontMetricsF fm(numberFont, painter.device());
        painter.drawText(QPointF(body.left(), y + fm.ascent()), QString::number(i + 1) + QLatin1Char('.'));
        text(findings[i], sentenceFont, QColor(0x22, 0x22, 0x22), body.left() + indent, u.mm(6));
    }
    y = std::max(y, body.bottom() - u.mm(22));
    if (illustrative)
        text(tr(lang, "Data ilustrasi: angka ini contoh, bukan angka resmi.",
                "Illustrative data: these figures are examples, not official ones."),
             u.font(9, true), QColor(0xa0, 0x30, 0x20), body.left(), u.mm(1.5));
    text(footer, u.font(9), QColor(0x55, 0x55, 0x55), body.left(), u.mm(1));
    painter.setFont(u.font(8));
    painter.setPen(QColor(0x77, 0x77, 0x77));
    painter.drawText(QRectF(body.left(), body.bottom() - u.mm(5), body.width(), u.mm(5)),
                     Qt::AlignRight | Qt::AlignBottom, QString::fromStdString(label));
    painter.restore();
}

/// Tells \a progress that \a done of \a total pages are drawn; stops the export when it says so.
void reportPage(const PageProgress& progress, int done, int total, const char* what)
{
    if (progress && !progress(done, total))
        throw ExportCancelled(std::string(what) + " stopped after " + std::to_string(done) + " of "
                              + std::to_string(total) + " pages; nothing was written");
}

/// The pages of the hotspot analyses and of the POKDARWIS ranking (meetingpack_p.h).
void renderAnalysisPages(PdfPages& pdf, const gis::Dataset& ds, const ThematicMapSpec& base,
                         const ReportOptions& options, const std::function<PageExtras(PageExtras)>& extrasFor)
{
    const Lang lang = options.lang;
    for (const gis::HotspotResult& h : options.hotspots) {
        const ThematicMap map(ds, detail::hotspotMapSpec(ds, base, h));
        map.renderPage(pdf.nextPage(), pdf.pageRect(), pdf.dpi(), extrasFor({}));
        PageExtras list;
        list.tableOnly = true;
        list.table = detail::hotspotTable(ds, h, lang);
        map.renderPage(pdf.nextPage(), pdf.pageRect(), pdf.dpi(), extrasFor(list));
    }
    if (options.pokdarwis) {
        const ThematicMap map(ds, detail::pokdarwisMapSpec(ds, base, *options.pokdarwis));
        map.renderPage(pdf.nextPage(), pdf.pageRect(), pdf.dpi(), extrasFor({}));
        PageExtras best;
        best.tableOnly = true;
        best.title = tr(lang, "Calon POKDARWIS Teratas", "Top POKDARWIS Candidates");
        best.subtitle = map.subtitle();
        best.table = detail::pokdarwisTable(*options.pokdarwis, options.topN, lang);
        map.renderPage(pdf.nextPage(), pdf.pageRect(), pdf.dpi(), extrasFor(best));
    }
}

} // namespace

int exportAtlas(const gis::Dataset& ds, const gis::AnalysisTable& table, const AtlasOptions& options,
                const std::string& outPdf)
{
    ThematicMapSpec style = options.style;
    const bool anyScored = anyScore(table);
    std::string unscored; // the note of a project that has no score yet
    if (options.usePriorityLayer && !style.layer && !anyScored) {
        unscored = unscoredNote(ds, table, style.lang);
        style = povertyInstead(style, table);
    } else if (options.usePriorityLayer && !style.layer) {
        ThematicMapSpec whole = style; // the focus is set page by page below
        whole.focusArea.clear();
        style.layer = withLayer(ds, whole, "priority", table).layer;
    }
    const Lang lang = style.lang;

    ThematicMapSpec coverSpec = style;
    coverSpec.showLabels = true;
    coverSpec.showVillageLabels = false;
    coverSpec.focusArea.clear();
    const ThematicMap cover(ds, coverSpec);
    const auto kecamatan = cover.kecamatanList();
    if (kecamatan.empty())
        throw gis::Error("atlas: the project has no kecamatan to make pages of; import boundaries with kecamatan "
                         "codes first");
    const bool changePage = !options.comparePeriod.empty();
    std::optional<ThematicMapSpec> change;
    if (changePage) {
        change = changeSpec(ds, coverSpec, table, options.comparePeriod);
        change->focusArea.clear();
    }
    const int pages = static_cast<int>(kecamatan.size()) + 1 + (changePage ? 1 : 0);

    PdfPages pdf(outPdf, style.page, "Atlas " + cover.title());
    // cover: the regency and the list of kecamatan with their pages
    PageTable list;
    list.title = tr(lang, "Daftar kecamatan", "Kecamatan");
    list.columns = {{tr(lang, "Halaman", "Page"), true, 0.8},
                    {"Kode", false, 1.0},
                    {"Kecamatan", false, 2.2, true},
                    {tr(lang, "Pekon", "Villages"), true, 0.8},
                    {tr(lang, "Penduduk miskin", "Poor people"), true, 1.3},
                    {tr(lang, "Skor rata-rata", "Mean score"), true, 1.2}};
    // a DTSEN count mapped (or weighed by the scheme) is printed too, small counts as "<N"
    const std::string mappedKey =
        style.layer ? style.layer->key : (options.usePriorityLayer ? std::string() : style.indicatorKey);
    const std::vector<CountColumn> counts = personalCountColumns(ds, table, mappedKey, style);
    const int threshold = style.smallCountThreshold;
    for (const CountColumn& c : counts)
        list.columns.push_back({c.label, true, 1.2});
    if (!counts.empty())
        list.note = smallCountNote(counts, threshold, lang).substr(1);
    if (!unscored.empty())
        list.note = unscored + (list.note.empty() ? "" : " " + list.note);
    const std::size_t poor = table.column("miskin"), score = table.column("priority_score");
    std::map<std::string, std::vector<std::size_t>> rowsOf; // kecamatan code -> table rows
    std::map<std::string, std::string> parentOf;
    for (const gis::Area* a : ds.villages())
        parentOf[a->code] = a->parentCode;
    for (std::size_t i = 0; i < table.rows.size(); ++i)
        rowsOf[parentOf[table.rows[i].kode]].push_back(i);
    const int firstKecamatanPage = changePage ? 3 : 2;
    int page = firstKecamatanPage;
    for (const auto& [code, name] : kecamatan) {
        double poorSum = 0.0, scoreSum = 0.0;
        int scored = 0;
        for (std::size_t i : rowsOf[code]) {
            const double p = table.rows[i].values[poor], s = table.rows[i].values[score];
            if (std::isfinite(p))
                poorSum += p;
            if (std::isfinite(s)) {
                scoreSum += s;
                ++scored;
            }
        }
        std::vector<std::string> cells = {std::to_string(page++), code, name, std::to_string(rowsOf[code].size()),
                                          formatNumber(poorSum, 0), scored ? formatNumber(scoreSum / scored, 1) : "–"};
        for (const CountColumn& c : counts) {
            double sum = 0.0;
            bool any = false;
            for (std::size_t i : rowsOf[code])
                if (const auto v = c.values.find(table.rows[i].kode); v != c.values.end()) {
                    sum += v->second;
                    any = true;
                }
            cells.push_back(any ? gis::publishedCount(sum, threshold, formatNumber(sum, 0)) : std::string("–"));
        }
        list.rows.push_back(std::move(cells));
    }
    PageExtras coverExtras;
    coverExtras.table = list;
    coverExtras.pageLabel = pageLabel(lang, 1, pages);
    coverExtras.title = tr(lang, "Atlas per Kecamatan: ", "Atlas by Kecamatan: ") + cover.title();
    coverExtras.subtitle = cover.subtitle();
    reportPage(options.progress, 0, pages, "atlas");
    cover.renderPage(pdf.nextPage(), pdf.pageRect(), pdf.dpi(), coverExtras);
    if (change) {
        reportPage(options.progress, 1, pages, "atlas");
        PageExtras changeExtras;
        changeExtras.pageLabel = pageLabel(lang, 2, pages);
        ThematicMap(ds, *change).renderPage(pdf.nextPage(), pdf.pageRect(), pdf.dpi(), changeExtras);
    }

    page = firstKecamatanPage;
    for (const auto& [code, name] : kecamatan) {
        reportPage(options.progress, page - 1, pages, "atlas");
        ThematicMapSpec spec = style;
        spec.focusArea = code;
        spec.showVillageLabels = true;
        spec.showLabels = true;
        spec.title.clear();
        const ThematicMap map(ds, spec);
        PageExtras extras;
        extras.legendPresentOnly = true;
        extras.pageLabel = pageLabel(lang, page, pages);
        std::vector<std::string> codes;
        for (std::size_t i : rowsOf[code])
            codes.push_back(table.rows[i].kode);
        extras.table = priorityTable(table, byPriority(table, codes), lang,
                                     tr(lang, "Pekon di Kecamatan ", "Villages of Kecamatan ") + name
                                         + tr(lang, ", menurut prioritas", ", by priority"),
                                     false, gis::regencyTitle(ds).rfind("Kota ", 0) == 0, counts, threshold);
        map.renderPage(pdf.nextPage(), pdf.pageRect(), pdf.dpi(), extras);
        ++page;
    }
    pdf.finish();
    if (options.progress)
        options.progress(pages, pages);
    return pdf.pageCount();
}

int exportReport(const gis::Dataset& ds, const gis::AnalysisTable& table, const ReportOptions& options,
                 const std::string& outPdf)
{
    const Lang lang = options.lang;
    ThematicMapSpec base;
    base.page = options.page;
    base.lang = lang;
    base.printedDate = options.printedDate;
    base.simplifyMm = options.simplifyMm;
    base.maker = options.maker;
    base.showLabels = true;
    base.smallCountThreshold = options.smallCountThreshold;
    if (options.roads)
        base.roads = mapRoadsOf(ds.roads);

    const auto& runs = ds.programs;
    const gis::PlacementRun* latest = runs.empty() ? nullptr : &runs.back();
    if (options.programId) {
        auto chosen = std::find_if(runs.begin(), runs.end(),
                                   [&](const gis::PlacementRun& r) { return r.id == *options.programId; });
        if (chosen == runs.end())
            throw gis::Error("meeting pack: the project keeps no placement run with id "
                             + std::to_string(*options.programId) + " (" + std::to_string(runs.size())
                             + " runs saved)");
        latest = &*chosen;
    }
    const int findingsPages = options.findings ? 2 : 0;
    const bool changePage = !options.comparePeriod.empty();
    const int analysisPages = 2 * static_cast<int>(options.hotspots.size()) + (options.pokdarwis ? 2 : 0);
    const int pages = findingsPages + 4 + (changePage ? 1 : 0) + (latest ? 2 : 0) + (runs.size() > 1 ? 1 : 0)
        + analysisPages;
    int page = 0;
    auto extrasFor = [&](PageExtras e = {}) {
        reportPage(options.progress, page, pages, "meeting pack");
        e.pageLabel = pageLabel(lang, ++page, pages);
        return e;
    };

    // a project without a score yet (no facilities imported): the poverty rate, with a plain note
    const bool scored = anyScore(table);
    const std::string unscored = scored ? std::string() : unscoredNote(ds, table, lang);
    ThematicMapSpec prioritySpec = scored ? withLayer(ds, base, "priority", table) : povertyInstead(base, table);
    prioritySpec.ramp = "YlOrRd";
    const ThematicMap priorityMap(ds, prioritySpec);
    PdfPages pdf(outPdf, options.page, tr(lang, "Bahan Rakor — ", "Meeting pack — ") + priorityMap.title());
    if (options.findings) {
        MeetingFigures figures = meetingFigures(ds, table, options.coverageRadiusKm);
        if (latest)
            figures.run = *latest; // the run the pack shows, which may be a chosen earlier one
        for (const gis::HotspotResult& h : options.hotspots)
            figures.hotspots.push_back(hotspotFigures(ds, h));
        if (options.pokdarwis)
            figures.pokdarwis = pokdarwisFigures(*options.pokdarwis);
        const std::string regency = gis::regencyTitle(ds);
        const std::string date = options.printedDate.empty() ? todayText(lang) : options.printedDate;
        std::string footer = tr(lang, "Setiap angka di atas tercantum lagi dalam tabel per kecamatan (halaman 2)",
                                "Every figure above is printed again in the table by kecamatan (page 2)")
            + std::string(latest ? tr(lang, ", di halaman usulan lokasi", ", on the proposed sites pages") : "")
            + std::string(options.hotspots.empty() ? "" : tr(lang, ", di halaman klaster", ", on the cluster pages"))
            + std::string(options.pokdarwis ? tr(lang, ", di halaman calon POKDARWIS", ", on the POKDARWIS pages")
                                            : "")
            + tr(lang, ". Dicetak ", ". Printed ") + date + ".";
        reportPage(options.progress, page, pages, "meeting pack");
        drawFindingsPage(
            pdf.nextPage(), pdf.pageRect(), pdf.dpi(), tr(lang, "Temuan Utama", "Key Findings"),
            (regency.empty() ? std::string() : regency + " — ") + tr(lang, "periode ", "period ") + table.period,
            meetingFindings(figures, lang), footer, pageLabel(lang, ++page, pages), ds.isIllustrative(), lang);
        PageExtras figuresPage;
        figuresPage.tableOnly = true;
        figuresPage.title = tr(lang, "Angka di Balik Temuan", "The Figures Behind the Findings");
        figuresPage.subtitle =
            tr(lang, "Dihitung dari tabel analisis periode ", "Computed from the analysis table of period ")
            + table.period + tr(lang, "; jangkauan Puskessos ", "; Puskessos reach ")
            + formatNumber(options.coverageRadiusKm, 0) + " km";
        figuresPage.table = findingsTable(figures, lang);
        priorityMap.renderPage(pdf.nextPage(), pdf.pageRect(), pdf.dpi(), extrasFor(figuresPage));
    }
    PageExtras priorityPage;
    if (!scored)
        priorityPage.subtitle = unscored;
    priorityMap.renderPage(pdf.nextPage(), pdf.pageRect(), pdf.dpi(), extrasFor(priorityPage));

    ThematicMapSpec densitySpec = base;
    densitySpec.indicatorKey = "poor_density_km2";
    densitySpec.ramp = "Purples";
    densitySpec.period = table.period;
    ThematicMap(ds, densitySpec).renderPage(pdf.nextPage(), pdf.pageRect(), pdf.dpi(), extrasFor());
    if (changePage)
        ThematicMap(ds, changeSpec(ds, base, table, options.comparePeriod))
            .renderPage(pdf.nextPage(), pdf.pageRect(), pdf.dpi(), extrasFor());

    ThematicMapSpec facilitySpec = base;
    facilitySpec = withLayer(ds, facilitySpec, "base", table);
    facilitySpec.coverageKind = latest ? latest->kind : "PUSKESSOS";
    facilitySpec.coverageRadiusKm = latest && latest->radiusKm ? *latest->radiusKm : options.coverageRadiusKm;
    const std::string regency = gis::regencyTitle(ds);
    facilitySpec.title = tr(lang, "Fasilitas dan Jangkauan ", "Facilities and Reach of ")
        + facilityKindLabel(facilitySpec.coverageKind) + (regency.empty() ? std::string() : " — " + regency);
    facilitySpec.subtitle = tr(lang, "Lingkaran: jangkauan ", "Circles: reach of ")
        + formatNumber(facilitySpec.coverageRadiusKm, 1)
        + tr(lang, " km (jarak geodesik) dari tiap ", " km (geodesic distance) around each ")
        + facilityKindLabel(facilitySpec.coverageKind);
    const ThematicMap facilityMap(ds, facilitySpec);
    facilityMap.renderPage(pdf.nextPage(), pdf.pageRect(), pdf.dpi(), extrasFor());

    PageExtras top;
    top.tableOnly = true;
    top.title = tr(lang, "Pekon Prioritas Teratas", "Top Priority Villages") + std::string(" (")
        + std::to_string(std::min(options.topN, table.rows.size())) + ")";
    top.subtitle = priorityMap.subtitle();
    auto order = scored ? byPriority(table) : byPovertyRate(table);
    if (order.size() > options.topN)
        order.resize(options.topN);
    top.table = priorityTable(table, order, lang, "", true, gis::regencyTitle(ds).rfind("Kota ", 0) == 0,
                              personalCountColumns(ds, table, {}, base), options.smallCountThreshold);
    if (!scored) {
        top.title = tr(lang, "Pekon dengan Tingkat Kemiskinan Tertinggi", "Villages with the Highest Poverty Rate")
            + std::string(" (") + std::to_string(order.size()) + ")";
        top.table->note = unscored;
    }
    priorityMap.renderPage(pdf.nextPage(), pdf.pageRect(), pdf.dpi(), extrasFor(top));

    auto reach = [lang](const gis::PlacementRun& r) {
        return r.minutes ? formatNumber(*r.minutes, 0) + tr(lang, " menit", " minutes")
                         : formatNumber(r.radiusKm.value_or(0.0), 1) + " km";
    };
    // Indicator labels, not keys: "Penduduk miskin", not "miskin".
    auto demandLabel = [&ds](const std::string& key) {
        try {
            return gis::indicatorInfo(ds, key).label;
        } catch (const gis::Error&) {
            return key;
        }
    };
    auto optional = [](const std::optional<double>& v, int decimals) {
        return v ? number(*v, decimals) : std::string("–");
    };
    // People reached, when the demand is a DTSEN count, are DTSEN counts too: small ones suppressed.
    const int threshold = options.smallCountThreshold;
    auto people = [threshold](const gis::PlacementRun& r, double v) {
        const std::string formatted = number(v, 0);
        return gis::isPersonalDataDerived(r.demandKey) ? gis::publishedCount(v, threshold, formatted) : formatted;
    };
    auto peopleOrDash = [&people](const gis::PlacementRun& r, const std::optional<double>& v) {
        return v ? people(r, *v) : std::string("–");
    };
    if (latest) {
        ThematicMapSpec placeSpec = withLayer(ds, facilitySpec, "", table, true); // its reach circles stay
        placeSpec.proposedSites = proposedSites(*latest); // the chosen run, not always the latest
        placeSpec.proposedKind = latest->kind;
        placeSpec.coverageKind = latest->kind;
        placeSpec.title = tr(lang, "Usulan Lokasi ", "Proposed Sites for ") + std::to_string(latest->count) + " "
            + facilityKindLabel(latest->kind) + tr(lang, " Baru", "");
        std::string method = placementMethodLabel(latest->method, lang);
        method[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(method[0])));
        std::string demand = demandLabel(latest->demandKey);
        if (!demand.empty())
            demand[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(demand[0])));
        placeSpec.subtitle = method + ", " + tr(lang, "jangkauan ", "reach ") + reach(*latest) + ", "
            + tr(lang, "permintaan: ", "demand: ") + demand + " " + latest->period
            + (latest->capacity ? tr(lang, ", kapasitas ", ", capacity ") + number(*latest->capacity, 0)
                                : std::string())
            + "; " + tr(lang, "terjangkau ", "covered ") + peopleOrDash(*latest, latest->coveredBefore) + " → "
            + peopleOrDash(*latest, latest->coveredAfter) + tr(lang, " dari ", " of ")
            + people(*latest, latest->totalDemand)
            + tr(lang, " (usulan ", " (proposal ") + std::to_string(latest->id) + ", " + longDate(latest->createdUtc, lang)
            + ")";
        const ThematicMap placeMap(ds, placeSpec);
        placeMap.renderPage(pdf.nextPage(), pdf.pageRect(), pdf.dpi(), extrasFor());

        PageExtras sites;
        sites.tableOnly = true;
        sites.title = placeSpec.title;
        sites.subtitle = placeSpec.subtitle;
        PageTable t;
        t.columns = {{tr(lang, "Urutan", "Order"), true, 0.7},
                     {"Kode", false, 1.2},
                     {tr(lang, "Nama", "Name"), false, 2.0, true},
                     {"Lon", true, 1.0},
                     {"Lat", true, 1.0},
                     {tr(lang, "Tambahan terjangkau", "Newly covered"), true, 1.4},
                     {tr(lang, "Dilayani", "Served"), true, 1.1}};
        for (const auto& s : latest->sites)
            t.rows.push_back({std::to_string(s.rank), s.code, s.name, formatNumber(s.point.x, 4),
                              formatNumber(s.point.y, 4), people(*latest, s.gain), people(*latest, s.served)});
        t.note = tr(lang,
                    "Urutan = urutan tambahan manfaat terbesar (greedy lalu tukar). Disimpan di proyek "
                    "bersama usulan sebelumnya.",
                    "Order = largest marginal gain first (greedy, then swaps). Saved in the project with the earlier "
                    "runs.");
        if (latest->coveredBefore && latest->coveredAfter)
            t.note += tr(lang, " Terjangkau sebelum ", " Covered before ") + people(*latest, *latest->coveredBefore)
                + tr(lang, ", sesudah ", ", after ") + people(*latest, *latest->coveredAfter)
                + tr(lang, " (tambahan ", " (added ")
                + people(*latest, *latest->coveredAfter - *latest->coveredBefore) + tr(lang, ") dari ", ") of ")
                + people(*latest, latest->totalDemand) + ".";
        if (gis::isPersonalDataDerived(latest->demandKey))
            t.note += smallCountNote({CountColumn{}}, threshold, lang);
        sites.table = t;
        placeMap.renderPage(pdf.nextPage(), pdf.pageRect(), pdf.dpi(), extrasFor(sites));
    }
    if (runs.size() > 1) {
        PageExtras compare;
        compare.tableOnly = true;
        compare.title = tr(lang, "Perbandingan Usulan Tersimpan", "Saved Proposals Compared");
        PageTable t;
        t.columns = {{tr(lang, "Usulan", "Proposal"), true, 0.7},
                     {tr(lang, "Tanggal", "Date"), false, 1.3},
                     {tr(lang, "Jenis", "Kind"), false, 1.1},
                     {tr(lang, "Metode", "Method"), false, 1.7},
                     {"N", true, 0.5},
                     {tr(lang, "Jangkauan", "Reach"), true, 1.1},
                     {tr(lang, "Permintaan", "Demand"), false, 1.0},
                     {tr(lang, "Kapasitas", "Capacity"), true, 1.0},
                     {tr(lang, "Terjangkau sebelum", "Covered before"), true, 1.1},
                     {tr(lang, "Terjangkau sesudah", "Covered after"), true, 1.1}};
        for (const auto& r : runs)
            t.rows.push_back({std::to_string(r.id), longDate(r.createdUtc, lang), facilityKindLabel(r.kind),
                              placementMethodLabel(r.method, lang), std::to_string(r.count), reach(r),
                              demandLabel(r.demandKey), optional(r.capacity, 0), peopleOrDash(r, r.coveredBefore),
                              peopleOrDash(r, r.coveredAfter)});
        compare.table = t;
        priorityMap.renderPage(pdf.nextPage(), pdf.pageRect(), pdf.dpi(), extrasFor(compare));
    }
    renderAnalysisPages(pdf, ds, base, options, extrasFor);
    pdf.finish();
    if (options.progress)
        options.progress(pages, pages);
    return pdf.pageCount();
}

} // namespace layers

#include "layers/meetingfindings.h"

#include "gis/error.h"
#include "gis/indicators.h"
#include "layers/facilitysymbol.h"
#include "layers/numberformat.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>

namespace layers {

namespace {

std::string tr(Lang lang, const char* id, const char* en)
{
    return lang == Lang::En ? en : id;
}

std::string count(double v)
{
    return formatNumber(v, 0);
}

/// A reach or radius as printed: "5 km", "2,5 km".
std::string km(double v)
{
    return formatNumber(v, std::fabs(v - std::round(v)) < 1e-9 ? 0 : 1) + " km";
}

double finiteOr0(double v)
{
    return std::isfinite(v) ? v : 0.0;
}

/// "A, B dan C" / "A, B and C".
std::string listed(const std::vector<std::string>& parts, Lang lang)
{
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0)
            out += i + 1 == parts.size() ? tr(lang, " dan ", " and ") : ", ";
        out += parts[i];
    }
    return out;
}

std::string demandLabel(const gis::PlacementRun& run, Lang lang)
{
    if (run.demandKey == "miskin" || run.demandKey.empty())
        return tr(lang, "penduduk miskin", "poor people");
    if (run.demandKey == "penduduk")
        return tr(lang, "penduduk", "people");
    return run.demandKey;
}

std::string reachOf(const gis::PlacementRun& run, Lang lang)
{
    if (run.minutes)
        return formatNumber(*run.minutes, 0) + tr(lang, " menit perjalanan", " minutes of travel");
    return km(run.radiusKm.value_or(0.0));
}

/// "Moran's I 0,412; p = 0,001, 999 permutasi"
std::string moranText(const HotspotFigures& h, Lang lang)
{
    return "Moran's I " + formatNumber(h.moranI, 3) + "; p = " + formatNumber(h.pValue, 3) + ", "
        + std::to_string(h.permutations) + tr(lang, " permutasi", " permutations");
}

std::string lowerFirst(std::string s)
{
    if (!s.empty())
        s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
}

std::string hotspotSentence(const HotspotFigures& h, Lang lang)
{
    std::string label = h.label;
    if (!label.empty())
        label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    const bool significant = h.pValue <= h.alpha;
    std::string s = label;
    if (significant && h.moranI > 0)
        s += tr(lang, " mengelompok secara spasial (", " clusters in space (") + moranText(h, lang) + ")";
    else if (significant)
        s += tr(lang, " cenderung berselang-seling antarpekon tetangga (", " tends to alternate between neighbours (")
            + moranText(h, lang) + ")";
    else
        s += tr(lang, " tidak menunjukkan pengelompokan spasial yang bermakna (",
                " shows no significant clustering in space (")
            + moranText(h, lang) + ")";
    if (h.highHigh == 0)
        return s + tr(lang, "; tidak ada pekon dalam klaster tinggi-tinggi.", "; no village is in a high-high cluster.");
    s += ": " + count(h.highHigh) + tr(lang, " pekon membentuk kantong tinggi-tinggi", " villages form high-high pockets");
    if (!h.mostHighHighKecamatan.empty())
        s += tr(lang, ", terbanyak di Kecamatan ", ", most of them in Kecamatan ") + h.mostHighHighKecamatan + " ("
            + count(h.mostHighHighCount) + tr(lang, " pekon)", ")");
    return s + ".";
}

std::string pokdarwisSentence(const PokdarwisFigures& p, Lang lang)
{
    std::vector<std::string> best;
    for (const PokdarwisFigures::Candidate& c : p.top)
        best.push_back(c.name + " (" + (c.kecamatan.empty() ? std::string() : "Kecamatan " + c.kecamatan + ", ")
                       + tr(lang, "skor ", "score ") + formatNumber(c.score, 1) + ")");
    std::string s = best.empty() ? tr(lang, "Belum ada pekon yang dapat dinilai sebagai calon POKDARWIS",
                                      "No village could be ranked as a POKDARWIS candidate")
                                 : tr(lang, "Calon POKDARWIS terbaik: ", "The best POKDARWIS candidates: ")
            + listed(best, lang);
    return s + "; " + count(p.ranked) + tr(lang, " pekon dinilai, ", " villages ranked, ") + count(p.withGroup)
        + tr(lang, " sudah memiliki POKDARWIS.", " already have a POKDARWIS.");
}

} // namespace

HotspotFigures hotspotFigures(const gis::Dataset& ds, const gis::HotspotResult& r)
{
    HotspotFigures h;
    h.key = r.key;
    h.period = r.period;
    h.label = r.key == "poverty_rate_eb" ? std::string("tingkat kemiskinan (dihaluskan Empirical Bayes)") : r.key;
    try {
        if (r.key != "poverty_rate_eb")
            h.label = gis::indicatorInfo(ds, r.key).label; // labels are the data's (Bahasa)
    } catch (const gis::Error&) {
    }
    h.label = lowerFirst(h.label);
    h.moranI = r.global.i;
    h.pValue = r.global.pValue;
    h.permutations = r.global.permutations;
    h.alpha = r.options.alpha;
    std::map<std::string, int> byKecamatan;
    for (const gis::HotspotRow& row : r.rows) {
        if (row.cluster == gis::Cluster::HighHigh) {
            ++h.highHigh;
            if (!row.kecamatan.empty())
                ++byKecamatan[row.kecamatan];
        } else if (row.cluster == gis::Cluster::LowLow) {
            ++h.lowLow;
        }
    }
    for (const auto& [name, n] : byKecamatan) // by name: the first of equal counts wins
        if (n > h.mostHighHighCount) {
            h.mostHighHighKecamatan = name;
            h.mostHighHighCount = n;
        }
    return h;
}

PokdarwisFigures pokdarwisFigures(const gis::PokdarwisResult& r)
{
    PokdarwisFigures p;
    p.attractions = r.attractionCount;
    std::vector<const gis::PokdarwisResult::Row*> ranked;
    for (const gis::PokdarwisResult::Row& row : r.rows) {
        p.withGroup += row.hasGroup ? 1 : 0;
        if (row.rank > 0)
            ranked.push_back(&row);
    }
    p.ranked = static_cast<int>(ranked.size());
    std::sort(ranked.begin(), ranked.end(), [](const auto* a, const auto* b) { return a->rank < b->rank; });
    for (std::size_t i = 0; i < ranked.size() && i < 3; ++i)
        p.top.push_back({ranked[i]->name, ranked[i]->kecamatan, ranked[i]->score});
    return p;
}

std::string placementMethodLabel(const std::string& method, Lang lang)
{
    if (method == "pmedian")
        return tr(lang, "jarak total terkecil (median-p)", "least total distance (p-median)");
    return tr(lang, "cakupan maksimal", "maximal covering");
}

std::string longDate(const std::string& iso, Lang lang)
{
    int y = 0, m = 0, d = 0;
    if (iso.size() < 10 || std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1
        || d > 31)
        return iso;
    if (lang == Lang::Id)
        return formatDateId(y, m, d);
    static const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December"};
    return std::to_string(d) + " " + kMonths[m - 1] + " " + std::to_string(y);
}

MeetingFigures meetingFigures(const gis::Dataset& ds, const gis::AnalysisTable& table, double reachKm)
{
    MeetingFigures f;
    f.period = table.period;
    f.reachKm = reachKm;
    f.villages = static_cast<int>(table.rows.size());
    const std::size_t poorCol = table.column("miskin"), bumdesCol = table.column("n_bumdes"),
                      distCol = table.column("dist_puskessos_km");
    const std::vector<std::string> periods = ds.periods("miskin");
    std::map<std::string, double> before;
    if (auto it = std::find(periods.begin(), periods.end(), table.period);
        it != periods.end() && it != periods.begin()) {
        f.previousPeriod = *std::prev(it);
        before = gis::indicatorValues(ds, "miskin", f.previousPeriod);
        f.poorBefore = 0.0;
    }
    std::map<std::string, KecamatanFigures> byName;
    for (const auto& row : table.rows) {
        KecamatanFigures& k = byName[row.kecamatan];
        k.name = row.kecamatan;
        const double poor = finiteOr0(row.values[poorCol]);
        const double dist = row.values[distCol];
        const bool beyond = !std::isfinite(dist) || dist > reachKm;
        const bool noBumdes = !(row.values[bumdesCol] > 0);
        f.anyPuskessos = f.anyPuskessos || std::isfinite(dist);
        ++k.villages;
        k.poor += poor;
        f.poor += poor;
        if (noBumdes) {
            ++k.villagesWithoutBumdes;
            ++f.villagesWithoutBumdes;
        }
        if (beyond) {
            k.poorBeyondReach += poor;
            f.poorBeyondReach += poor;
        }
        if (f.poorBefore) {
            const auto b = before.find(row.kode);
            const double v = b == before.end() ? 0.0 : finiteOr0(b->second);
            k.poorBefore = k.poorBefore.value_or(0.0) + v;
            *f.poorBefore += v;
        }
    }
    for (auto& [name, k] : byName)
        f.kecamatan.push_back(std::move(k));
    std::stable_sort(f.kecamatan.begin(), f.kecamatan.end(),
                     [](const KecamatanFigures& a, const KecamatanFigures& b) { return a.poor > b.poor; });
    if (!ds.programs.empty())
        f.run = ds.programs.back();
    return f;
}

std::vector<std::string> meetingFindings(const MeetingFigures& f, Lang lang)
{
    std::vector<std::string> out;
    const std::string villagesWord = tr(lang, " pekon/kelurahan", " villages (pekon/kelurahan)");
    out.push_back(tr(lang, "Pada periode ", "In the period ") + f.period + tr(lang, " tercatat ", " there were ")
                  + count(f.poor) + tr(lang, " penduduk miskin di ", " poor people in ") + count(f.villages)
                  + villagesWord + ".");
    if (!f.kecamatan.empty()) {
        std::vector<std::string> top;
        for (std::size_t i = 0; i < std::min<std::size_t>(3, f.kecamatan.size()); ++i)
            top.push_back(f.kecamatan[i].name + " (" + count(f.kecamatan[i].poor) + tr(lang, " jiwa)", ")"));
        out.push_back(tr(lang, "Penduduk miskin terbanyak ada di Kecamatan ", "Most poor people live in Kecamatan ")
                      + listed(top, lang) + ".");
    }
    if (f.villagesWithoutBumdes == 0)
        out.push_back(tr(lang, "Setiap pekon/kelurahan sudah memiliki BUMDES.", "Every village has a BUMDES."));
    else
        out.push_back(count(f.villagesWithoutBumdes) + tr(lang, " dari ", " of the ") + count(f.villages)
                      + tr(lang, " pekon/kelurahan belum memiliki BUMDES.", " villages have no BUMDES yet."));
    if (!f.anyPuskessos)
        out.push_back(tr(lang, "Belum ada Puskessos: seluruh ", "There is no Puskessos yet: all ") + count(f.poor)
                      + tr(lang, " penduduk miskin berada di luar jangkauan.", " poor people are beyond reach."));
    else
        out.push_back(count(f.poorBeyondReach)
                      + tr(lang, " penduduk miskin tinggal lebih dari ", " poor people live more than ") + km(f.reachKm)
                      + tr(lang, " dari Puskessos terdekat.", " from the nearest Puskessos."));
    if (f.run && f.run->coveredBefore && f.run->coveredAfter) {
        const gis::PlacementRun& r = *f.run;
        out.push_back(tr(lang, "Usulan ", "The proposed ") + std::to_string(r.count) + " " + facilityKindLabel(r.kind)
                      + tr(lang, " baru (", " new sites (") + placementMethodLabel(r.method, lang)
                      + tr(lang, ", jangkauan ", ", reach ") + reachOf(r, lang)
                      + tr(lang, ") menambah ", ") would add ") + count(*r.coveredAfter - *r.coveredBefore) + " "
                      + demandLabel(r, lang) + tr(lang, " yang terjangkau: dari ", " within reach: from ")
                      + count(*r.coveredBefore) + tr(lang, " menjadi ", " to ") + count(*r.coveredAfter)
                      + tr(lang, " dari total ", " of ") + count(r.totalDemand) + ".");
    }
    if (f.poorBefore) {
        const double change = f.poor - *f.poorBefore;
        std::string sentence = tr(lang, "Dibandingkan periode ", "Since the period ") + f.previousPeriod + ", ";
        if (std::lround(change) == 0)
            sentence +=
                tr(lang, "jumlah penduduk miskin tetap ", "the number of poor people stayed at ") + count(f.poor) + ".";
        else
            sentence += tr(lang, "penduduk miskin ", "the number of poor people ")
                + (change < 0 ? tr(lang, "turun ", "fell by ") : tr(lang, "naik ", "rose by "))
                + count(std::fabs(change)) + tr(lang, " jiwa, dari ", ", from ") + count(*f.poorBefore)
                + tr(lang, " menjadi ", " to ") + count(f.poor) + ".";
        // The kecamatan whose count moved most, in the direction of the whole.
        const KecamatanFigures* most = nullptr;
        for (const auto& k : f.kecamatan)
            if (k.poorBefore
                && (!most || std::fabs(k.poor - *k.poorBefore) > std::fabs(most->poor - *most->poorBefore)))
                most = &k;
        if (most && std::lround(most->poor - *most->poorBefore) != 0)
            sentence += tr(lang, " Perubahan terbesar di Kecamatan ", " The largest change was in Kecamatan ")
                + most->name + " (" + (most->poor < *most->poorBefore ? "-" : "+")
                + count(std::fabs(most->poor - *most->poorBefore)) + tr(lang, " jiwa).", ").");
        out.push_back(sentence);
    }
    for (const HotspotFigures& h : f.hotspots)
        out.push_back(hotspotSentence(h, lang));
    if (f.pokdarwis)
        out.push_back(pokdarwisSentence(*f.pokdarwis, lang));
    return out;
}

PageTable findingsTable(const MeetingFigures& f, Lang lang)
{
    PageTable t;
    t.title = tr(lang, "Angka per kecamatan, periode ", "Figures by kecamatan, period ") + f.period;
    t.columns = {{"Kecamatan", false, 2.2, true},
                 {tr(lang, "Pekon/kelurahan", "Villages"), true, 1.0},
                 {tr(lang, "Penduduk miskin", "Poor people"), true, 1.1},
                 {tr(lang, "Pekon tanpa BUMDES", "Villages without BUMDES"), true, 1.1},
                 {tr(lang, "Penduduk miskin lebih dari ", "Poor people more than ") + km(f.reachKm)
                      + tr(lang, " dari Puskessos", " from a Puskessos"),
                  true, 1.4}};
    if (f.poorBefore) {
        t.columns.push_back({tr(lang, "Penduduk miskin ", "Poor people ") + f.previousPeriod, true, 1.1});
        t.columns.push_back({tr(lang, "Perubahan", "Change"), true, 1.0});
    }
    auto signedCount = [](double v) {
        const long long r = std::llround(v);
        return r == 0 ? std::string("0") : (r < 0 ? "-" : "+") + count(std::fabs(v));
    };
    auto row = [&](const std::string& name, int villages, double poor, int noBumdes, double beyond,
                   const std::optional<double>& before) {
        std::vector<std::string> cells = {name, count(villages), count(poor), count(noBumdes), count(beyond)};
        if (f.poorBefore) {
            cells.push_back(before ? count(*before) : std::string("–"));
            cells.push_back(before ? signedCount(poor - *before) : std::string("–"));
        }
        t.rows.push_back(std::move(cells));
    };
    for (const auto& k : f.kecamatan)
        row(k.name, k.villages, k.poor, k.villagesWithoutBumdes, k.poorBeyondReach, k.poorBefore);
    row(tr(lang, "Jumlah", "Total"), f.villages, f.poor, f.villagesWithoutBumdes, f.poorBeyondReach, f.poorBefore);
    t.note = tr(lang,
                "Kecamatan diurutkan dari penduduk miskin terbanyak. Jarak ke Puskessos: jarak geodesik dari titik "
                "pekon ke Puskessos terdekat; pekon tanpa BUMDES: belum ada BUMDES tercatat di dalam pekon.",
                "Kecamatan sorted by poor people, most first. Distance to a Puskessos: geodesic distance from the "
                "village point to the nearest Puskessos; villages without BUMDES: no BUMDES recorded inside.");
    return t;
}

} // namespace layers

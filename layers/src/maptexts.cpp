#include "thematicmap_p.h"

#include "gis/referencenaming.h"
#include "layers/numberformat.h"

#include <QDate>

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

namespace layers::detail {

namespace {

/// "Kabupaten X" or "Kota X" as the regency's code says (gis::regencyTitle).
std::string regencyNameOf(const gis::Dataset& ds)
{
    return gis::regencyTitle(ds);
}

} // namespace

std::string titleCase(const std::string& text)
{
    static const std::set<std::string> kSmall = {"per", "dan", "di", "ke", "dari", "yang", "untuk", "atau", "dengan"};
    std::string out;
    std::string word;
    auto flush = [&] {
        if (!word.empty() && !kSmall.contains(word) && std::islower(static_cast<unsigned char>(word[0])))
            word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
        out += word;
        word.clear();
    };
    for (char c : text) {
        if (c == ' ') {
            flush();
            out += c;
        } else {
            word += c;
        }
    }
    flush();
    if (!out.empty() && std::islower(static_cast<unsigned char>(out[0])))
        out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

std::string labelWithUnit(const gis::IndicatorInfo& info)
{
    if (info.unit.empty() || info.label.find('(') != std::string::npos)
        return info.label;
    return info.label + " (" + info.unit + ")";
}

std::string periodPhrase(const std::string& period)
{
    if (period.empty())
        return {};
    const bool year = period.size() == 4 && std::all_of(period.begin(), period.end(), [](char c) {
                          return std::isdigit(static_cast<unsigned char>(c));
                      });
    return (year ? "tahun " : "periode ") + period;
}

std::string sourcesOf(const gis::Dataset& ds, bool withIndicatorSource)
{
    static const std::array<std::pair<const char*, const char*>, 5> kKnown = {{
        {"indicator_source", "Indikator"},
        {"boundary_source", "Batas wilayah"},
        {"facility_source", "Fasilitas"},
        {"names_source", "Nama dan kode wilayah"},
        {"coastline_source", "Garis pantai"},
    }};
    std::vector<std::string> parts;
    std::set<std::string> used;
    for (const auto& [key, label] : kKnown) {
        const std::string value = ds.metaValue(key);
        used.insert(key);
        if (!value.empty() && (withIndicatorSource || std::string_view(key) != "indicator_source"))
            parts.push_back(std::string(label) + ": " + value);
    }
    for (const auto& [key, value] : ds.meta) {
        const bool isSource = key == "source" || (key.size() > 7 && key.ends_with("_source"));
        if (!isSource || used.contains(key) || value.empty())
            continue;
        std::string label = key == "source" ? std::string("Data") : key.substr(0, key.size() - 7);
        std::replace(label.begin(), label.end(), '_', ' ');
        parts.push_back(titleCase(label) + ": " + value);
    }
    std::string joined;
    for (const auto& p : parts)
        joined += (joined.empty() ? "" : "; ") + p;
    return joined.empty() ? std::string("tidak disebutkan dalam data") : joined;
}

std::string todayId()
{
    const QDate today = QDate::currentDate();
    return formatDateId(today.year(), today.month(), today.day());
}

void setTexts(ThematicMap::Snapshot& s, const gis::Dataset& ds, std::size_t focusValued)
{
    const bool en = s.spec.lang == Lang::En;
    const std::string regency = regencyNameOf(ds);
    const std::string place =
        s.focusName.empty() ? regency : "Kecamatan " + s.focusName + (regency.empty() ? "" : ", " + regency);
    if (s.spec.title.empty() && s.spec.travel) {
        s.title = titleCase(s.spec.travel->title) + (place.empty() ? "" : " — " + place);
    } else if (s.spec.title.empty()) {
        s.title = titleCase(s.info.label) + (en ? " by " : " per ") + titleCase(s.villageWord);
        if (!place.empty())
            s.title += " — " + place;
        if (!s.period.empty())
            s.title += (place.empty() ? " — " : ", ") + s.period;
    } else {
        s.title = s.spec.title;
    }
    if (s.spec.subtitle.empty() && s.spec.travel) {
        std::string classes;
        for (double b : s.spec.travel->breaksMinutes)
            classes += (classes.empty() ? "" : ", ") + formatNumber(b, 0);
        s.subtitle = s.spec.travel->label + (en ? " · class limits " : " · batas kelas ") + classes
            + (en ? " minutes" : " menit");
    } else if (s.spec.subtitle.empty()) {
        s.subtitle = labelWithUnit(s.info);
        if (!s.period.empty())
            s.subtitle += ", " + (en ? "period " + s.period : periodPhrase(s.period));
        const std::size_t shown =
            static_cast<std::size_t>(std::count(s.villageInFocus.begin(), s.villageInFocus.end(), char{1}));
        const std::size_t valued = s.categorical ? shown - static_cast<std::size_t>(s.noData) : focusValued;
        if (s.categorical)
            s.subtitle += en
                ? " · " + std::to_string(valued) + " of " + std::to_string(shown) + " villages with a category"
                : " · " + std::to_string(valued) + " dari " + std::to_string(shown) + " " + s.villageWord
                    + " berkategori";
        else
            s.subtitle += en
                ? " · " + std::to_string(valued) + " of " + std::to_string(shown) + " villages with a value · classes: "
                    + (s.spec.manualBreaks.empty() ? methodKey(s.spec.method) : std::string("manual")) + ", "
                    + std::to_string(s.classification->classCount())
                : " · " + std::to_string(valued) + " dari " + std::to_string(shown) + " " + s.villageWord
                    + " bernilai · klasifikasi " + methodName(s.classification->method()) + ", "
                    + std::to_string(s.classification->classCount()) + " kelas";
    } else {
        s.subtitle = s.spec.subtitle;
    }
    // DTSEN-derived values come from the extract, not from the project's indicator source
    // (illustrative or BPS): the line names the extract and its period as stored at import
    std::string extract = s.restrictedNotice.empty() ? std::string() : gis::personalDataSources(ds, s.period);
    if (extract.empty() && !s.restrictedNotice.empty())
        extract = gis::personalDataSources(ds, {}); // a score of another period than the extract's
    s.sources = sourcesOf(ds, extract.empty());
    if (!extract.empty())
        s.sources = extract + "; " + s.sources;
    if (s.spec.layer && !s.spec.layer->source.empty())
        s.sources = (en ? "Map values: " : "Nilai peta: ") + s.spec.layer->source + "; " + s.sources;
    if (s.spec.travel && !s.spec.travel->source.empty())
        s.sources = s.spec.travel->source + "; " + s.sources;
}

QString footerText(const ThematicMap::Snapshot& s)
{
    const Lang lang = s.spec.lang;
    const std::string printed = s.spec.printedDate.empty() ? todayId() : s.spec.printedDate;
    const std::string printedYear = printed.size() >= 4 ? printed.substr(printed.size() - 4) : printed;
    return tr(lang, "Sumber data: ", "Data sources: ") + qs(s.sources)
        + (s.period.empty() ? QString() : tr(lang, " | Periode data: ", " | Data period: ") + qs(s.period))
        + tr(lang, " | Pembuat: ", " | Made by: ") + qs(s.maker) + QStringLiteral(", ") + qs(printedYear)
        + tr(lang, " | Dicetak: ", " | Printed: ") + qs(printed)
        + tr(lang, " | Dibuat dengan Sasaran", " | Made with Sasaran");
}

QString illustrativeFooterText(Lang lang)
{
    return tr(lang, "Data ilustrasi — batas dan angka bukan data resmi",
              "Data ilustrasi (illustrative data) — boundaries and figures are not official");
}

QString illustrativeWarningText(Lang lang)
{
    return tr(lang, "DATA ILUSTRASI\nBatas wilayah dan angka pada peta ini dibuat untuk peragaan; bukan data resmi.",
              "DATA ILUSTRASI (illustrative data)\nBoundaries and figures on this map were made for demonstration; "
              "they are not official.");
}

QString projectionNote(Lang lang, const std::string& utmZone)
{
    return tr(lang,
              "Proyeksi: geografis (lintang/bujur), skala bujur × cos(lintang tengah). Datum: WGS 84 (EPSG:4326). ",
              "Projection: geographic (lat/lon), longitude scaled by cos(mid-latitude). Datum: WGS 84 (EPSG:4326). ")
        + (utmZone.empty() ? tr(lang, "Grid: derajat.", "Grid: degrees.")
                           : tr(lang, "Grid: derajat (bawah, kiri) dan meter UTM zona ",
                                "Grid: degrees (bottom, left) and metres of UTM zone ")
                   + qs(utmZone) + tr(lang, " (atas, kanan).", " (top, right)."));
}

} // namespace layers::detail

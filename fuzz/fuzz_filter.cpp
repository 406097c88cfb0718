// Table-filter expressions (the table panel's and `analyze --where` filter), compiled and
// evaluated on a few rows with missing values.
#include "gis/filterexpression.h"

#include <cmath>
#include <string>
#include <vector>

namespace {

class Row : public gis::FilterRow {
public:
    explicit Row(double v) : mValue(v) {}
    double number(std::size_t index) const override { return index == 1 ? NAN : mValue; }
    std::string_view text(std::size_t index) const override { return index == 2 ? "Pugung" : ""; }

private:
    double mValue;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const std::vector<gis::FilterColumn> columns{
        {"poverty_rate", false, 0}, {"n_bumdes", false, 1}, {"kecamatan", true, 2}, {"nama", true, 3}};
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const gis::FilterExpression e = gis::FilterExpression::compile(text, columns);
        for (double v : {0.0, 20.0, -1e308, static_cast<double>(NAN)})
            (void)e.matches(Row(v));
    } catch (const gis::FilterError&) {
    }
    return 0;
}

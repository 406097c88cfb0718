#include "layers/classification.h"

#include "layers/numberformat.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <stdexcept>

namespace layers {

namespace {

void requireClasses(int classes, const char* function)
{
    if (classes < 1)
        throw std::invalid_argument(std::string(function) + ": the number of classes must be at least 1 (got "
                                    + std::to_string(classes) + ")");
}

std::vector<double> finiteSorted(std::vector<double> values, const char* function)
{
    std::erase_if(values, [](double v) { return !std::isfinite(v); });
    if (values.empty())
        throw std::invalid_argument(std::string(function) + ": there are no values to classify");
    std::sort(values.begin(), values.end());
    return values;
}

bool nearlyEqual(double a, double b)
{
    return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

} // namespace

std::string methodName(ClassificationMethod method)
{
    switch (method) {
    case ClassificationMethod::Quantile:
        return "kuantil";
    case ClassificationMethod::EqualInterval:
        return "interval sama";
    case ClassificationMethod::NaturalBreaks:
        return "natural breaks (Jenks)";
    }
    return "?";
}

std::vector<double> quantileBreaks(std::vector<double> values, int classes)
{
    requireClasses(classes, "quantileBreaks");
    values = finiteSorted(std::move(values), "quantileBreaks");
    const auto n = values.size();
    std::vector<double> breaks;
    breaks.reserve(static_cast<std::size_t>(classes));
    for (int i = 1; i <= classes; ++i) {
        // smallest rank r (1-based) with r / n >= i / classes, in integers: r = ceil(i * n / classes)
        const std::size_t rank = (static_cast<std::size_t>(i) * n + static_cast<std::size_t>(classes) - 1)
                                 / static_cast<std::size_t>(classes);
        breaks.push_back(values[std::clamp<std::size_t>(rank, 1, n) - 1]);
    }
    breaks.back() = values.back();
    return breaks;
}

std::vector<double> equalIntervalBreaks(double min, double max, int classes)
{
    requireClasses(classes, "equalIntervalBreaks");
    if (!std::isfinite(min) || !std::isfinite(max) || max < min)
        throw std::invalid_argument("equalIntervalBreaks: needs finite min <= max (got " + std::to_string(min)
                                    + ", " + std::to_string(max) + ")");
    std::vector<double> breaks;
    breaks.reserve(static_cast<std::size_t>(classes));
    for (int i = 1; i < classes; ++i)
        breaks.push_back(min + (max - min) * i / classes);
    breaks.push_back(max);
    return breaks;
}

std::vector<double> naturalBreaks(std::vector<double> values, int classes)
{
    requireClasses(classes, "naturalBreaks");
    values = finiteSorted(std::move(values), "naturalBreaks");
    // Large inputs: an evenly spaced sample of the sorted values keeps O(k·n²) affordable.
    constexpr std::size_t kMaxSample = 3000;
    if (values.size() > kMaxSample) {
        std::vector<double> sample;
        sample.reserve(kMaxSample);
        for (std::size_t i = 0; i < kMaxSample; ++i)
            sample.push_back(values[i * (values.size() - 1) / (kMaxSample - 1)]);
        values = std::move(sample);
    }
    const std::set<double> distinct(values.begin(), values.end());
    const auto k = static_cast<std::size_t>(std::min<std::size_t>(static_cast<std::size_t>(classes), distinct.size()));
    if (k == distinct.size()) {
        std::vector<double> breaks(distinct.begin(), distinct.end());
        return breaks;
    }
    const std::size_t n = values.size();
    constexpr double kInf = std::numeric_limits<double>::infinity();
    // lower[l][j]: 1-based index of the first value of class j when values 1..l form j classes
    std::vector<std::vector<std::size_t>> lower(n + 1, std::vector<std::size_t>(k + 1, 0));
    std::vector<std::vector<double>> cost(n + 1, std::vector<double>(k + 1, kInf));
    for (std::size_t j = 1; j <= k; ++j) {
        lower[1][j] = 1;
        cost[1][j] = 0.0;
    }
    for (std::size_t l = 2; l <= n; ++l) {
        double sum = 0.0, sumSq = 0.0, variance = 0.0;
        for (std::size_t m = 1; m <= l; ++m) {
            const std::size_t first = l - m + 1;
            const double v = values[first - 1];
            sum += v;
            sumSq += v * v;
            variance = sumSq - sum * sum / static_cast<double>(m);
            const std::size_t before = first - 1;
            if (before != 0) {
                for (std::size_t j = 2; j <= k; ++j) {
                    if (cost[l][j] >= variance + cost[before][j - 1]) {
                        lower[l][j] = first;
                        cost[l][j] = variance + cost[before][j - 1];
                    }
                }
            }
        }
        lower[l][1] = 1;
        cost[l][1] = variance;
    }
    std::vector<double> breaks(k);
    breaks[k - 1] = values[n - 1];
    std::size_t end = n;
    for (std::size_t j = k; j >= 2; --j) {
        const std::size_t first = lower[end][j];
        breaks[j - 2] = values[first - 2];
        end = first - 1;
    }
    return breaks;
}

int classIndex(const std::vector<double>& breaks, double value)
{
    if (std::isnan(value) || breaks.empty())
        return -1;
    for (std::size_t i = 0; i < breaks.size(); ++i) {
        const double b = breaks[i];
        if (value <= b + 1e-9 * std::max(1.0, std::fabs(b)))
            return static_cast<int>(i);
    }
    return static_cast<int>(breaks.size()) - 1;
}

Classification::Classification(ClassificationMethod method, const std::vector<double>& values, int classes)
    : mMethod(method)
{
    requireClasses(classes, "Classification");
    const std::vector<double> sorted = finiteSorted(values, "Classification");
    mMinimum = sorted.front();
    std::vector<double> breaks;
    switch (method) {
    case ClassificationMethod::Quantile:
        breaks = quantileBreaks(sorted, classes);
        break;
    case ClassificationMethod::EqualInterval:
        breaks = equalIntervalBreaks(sorted.front(), sorted.back(), classes);
        break;
    case ClassificationMethod::NaturalBreaks:
        breaks = naturalBreaks(sorted, classes);
        break;
    }
    for (double b : breaks) {
        if (mUpper.empty() || !nearlyEqual(mUpper.back(), b))
            mUpper.push_back(b);
    }
    countValues(sorted);
    chooseDecimals();
}

Classification::Classification(double minimum, std::vector<double> upperBounds, const std::vector<double>& values)
    : mMinimum(minimum), mUpper(std::move(upperBounds))
{
    if (mUpper.empty())
        throw std::invalid_argument("Classification: manual breaks are empty");
    if (!std::is_sorted(mUpper.begin(), mUpper.end()) || mUpper.front() < minimum)
        throw std::invalid_argument("Classification: manual breaks must ascend from the minimum");
    countValues(values);
    chooseDecimals();
}

double Classification::lowerBound(int i) const
{
    if (i < 0 || i >= classCount())
        throw std::out_of_range("Classification::lowerBound: no class " + std::to_string(i));
    return i == 0 ? mMinimum : mUpper[static_cast<std::size_t>(i - 1)];
}

void Classification::countValues(const std::vector<double>& values)
{
    mCounts.assign(mUpper.size(), 0);
    for (double v : values) {
        if (!std::isfinite(v))
            continue;
        const int c = classOf(v);
        if (c >= 0)
            ++mCounts[static_cast<std::size_t>(c)];
    }
}

void Classification::chooseDecimals()
{
    const double span = maximum() - mMinimum;
    int d = span >= 1000.0 ? 0 : span >= 1.0 ? 1 : span >= 0.1 ? 2 : 3;
    std::vector<double> bounds{mMinimum};
    for (double b : mUpper) {
        if (!nearlyEqual(bounds.back(), b))
            bounds.push_back(b);
    }
    for (; d < 4; ++d) {
        std::set<std::string> seen;
        bool distinct = true;
        for (double b : bounds)
            distinct = seen.insert(formatNumber(b, d)).second && distinct;
        if (distinct)
            break;
    }
    mDecimals = d;
}

std::string Classification::label(int i) const
{
    return label(i, mDecimals);
}

std::string Classification::label(int i, int decimals) const
{
    return formatNumber(lowerBound(i), decimals) + " – " + formatNumber(upperBound(i), decimals);
}

std::vector<std::string> Classification::labels() const
{
    std::vector<std::string> out;
    for (int i = 0; i < classCount(); ++i)
        out.push_back(label(i));
    return out;
}

} // namespace layers

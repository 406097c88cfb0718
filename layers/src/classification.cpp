#include "layers/classification.h"

#include "gis/text.h"
#include "layers/numberformat.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstddef>
#include <limits>
#include <set>
#include <stdexcept>
#include <utility>

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
    case ClassificationMethod::StandardDeviation:
        return "simpangan baku";
    case ClassificationMethod::Manual:
        return "batas manual";
    }
    return "?";
}

std::string methodKey(ClassificationMethod method)
{
    switch (method) {
    case ClassificationMethod::Quantile:
        return "quantile";
    case ClassificationMethod::EqualInterval:
        return "equal";
    case ClassificationMethod::NaturalBreaks:
        return "natural";
    case ClassificationMethod::StandardDeviation:
        return "stddev";
    case ClassificationMethod::Manual:
        return "manual";
    }
    return "?";
}

std::optional<ClassificationMethod> methodFromName(const std::string& name)
{
    const std::string wanted = gis::asciiLower(name);
    constexpr std::array kAll{ClassificationMethod::Quantile, ClassificationMethod::EqualInterval,
                              ClassificationMethod::NaturalBreaks, ClassificationMethod::StandardDeviation,
                              ClassificationMethod::Manual};
    for (ClassificationMethod m : kAll) {
        if (wanted == methodKey(m) || wanted == gis::asciiLower(methodName(m)))
            return m;
    }
    return std::nullopt;
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
        throw std::invalid_argument("equalIntervalBreaks: needs finite min <= max (got " + std::to_string(min) + ", "
                                    + std::to_string(max) + ")");
    std::vector<double> breaks;
    breaks.reserve(static_cast<std::size_t>(classes));
    for (int i = 1; i < classes; ++i)
        breaks.push_back(min + (max - min) * i / classes);
    breaks.push_back(max);
    return breaks;
}

namespace {

/// Within-class sums of squares of runs of distinct sorted values, each weighted by how often it
/// occurs, in O(1) from prefix sums. The values are shifted by their median first so that the
/// subtraction sum(w·x²) - sum(w·x)²/sum(w) does not cancel away the digits that matter.
class WeightedPrefixSums {
public:
    WeightedPrefixSums(const std::vector<double>& distinct, const std::vector<double>& weights)
            : mWeight(distinct.size() + 1, 0.0), mSum(distinct.size() + 1, 0.0), mSumSq(distinct.size() + 1, 0.0)
    {
        const double shift = distinct[distinct.size() / 2];
        for (std::size_t i = 0; i < distinct.size(); ++i) {
            const double x = distinct[i] - shift;
            mWeight[i + 1] = mWeight[i] + weights[i];
            mSum[i + 1] = mSum[i] + weights[i] * x;
            mSumSq[i + 1] = mSumSq[i] + weights[i] * x * x;
        }
    }

    /// Sum of squared deviations from their mean of the values first..last (inclusive).
    double withinSquares(std::size_t first, std::size_t last) const
    {
        const double w = mWeight[last + 1] - mWeight[first];
        const double sum = mSum[last + 1] - mSum[first];
        const double sumSq = mSumSq[last + 1] - mSumSq[first];
        return std::max(0.0, sumSq - sum * sum / w);
    }

private:
    std::vector<double> mWeight, mSum, mSumSq;
};

/// One row of the Ckmeans dynamic programme. cost[i] is the least sum of squares of values
/// 0..i in q+1 classes; start[i] the first value of the last of those classes. The leftmost
/// optimal start never decreases as i grows (the sum of squares satisfies the quadrangle
/// inequality), so the middle i is solved first and splits the search range of the others.
struct CkmeansRow {
    const WeightedPrefixSums& squares;
    const std::vector<double>& previousCost; // q classes
    std::vector<double>& cost;
    std::vector<std::size_t>& start;
    std::size_t q;

    void fill(std::size_t iFirst, std::size_t iLast, std::size_t jFirst, std::size_t jLast)
    {
        if (iFirst > iLast)
            return;
        const std::size_t i = iFirst + (iLast - iFirst) / 2;
        double best = std::numeric_limits<double>::infinity();
        std::size_t bestStart = std::max(q, jFirst);
        for (std::size_t j = std::max(q, jFirst); j <= std::min(i, jLast); ++j) {
            const double c = previousCost[j - 1] + squares.withinSquares(j, i);
            if (c < best) {
                best = c;
                bestStart = j;
            }
        }
        cost[i] = best;
        start[i] = bestStart;
        if (i > iFirst)
            fill(iFirst, i - 1, jFirst, bestStart);
        fill(i + 1, iLast, bestStart, jLast);
    }
};

} // namespace

std::vector<double> naturalBreaks(std::vector<double> values, int classes)
{
    requireClasses(classes, "naturalBreaks");
    values = finiteSorted(std::move(values), "naturalBreaks");
    // An optimal partition never splits equal values between two classes: moving the split
    // value one way or the other lowers the sum, unless both classes hold only that value, and
    // then merging them frees a class to split one with a spread. So the programme runs on
    // the distinct values weighted by multiplicity: fewer columns, and no break between twins.
    std::vector<double> distinct;
    std::vector<double> weights;
    for (double v : values) {
        if (!distinct.empty() && distinct.back() == v) {
            weights.back() += 1.0;
        } else {
            distinct.push_back(v);
            weights.push_back(1.0);
        }
    }
    const std::size_t n = distinct.size();
    const auto k = static_cast<std::size_t>(classes);
    if (k >= n)
        return distinct;

    const WeightedPrefixSums squares(distinct, weights);
    // Row q of the programme only reaches i <= n - k + q: the classes after it need a value each.
    std::vector<double> previousCost(n), cost(n);
    std::vector<std::vector<std::size_t>> start(k, std::vector<std::size_t>(n, 0));
    for (std::size_t i = 0; i + k <= n; ++i)
        previousCost[i] = squares.withinSquares(0, i);
    for (std::size_t q = 1; q < k; ++q) {
        const std::size_t iLast = q + 1 == k ? n - 1 : n - k + q;
        const std::size_t iFirst = q + 1 == k ? n - 1 : q;
        CkmeansRow row{squares, previousCost, cost, start[q], q};
        row.fill(iFirst, iLast, q, iLast);
        std::swap(previousCost, cost);
    }

    std::vector<double> breaks(k);
    std::size_t last = n - 1;
    for (std::size_t q = k; q-- > 0;) {
        breaks[q] = distinct[last];
        if (q > 0)
            last = start[q][last] - 1;
    }
    return breaks;
}

std::vector<double> standardDeviationBreaks(std::vector<double> values, int classes)
{
    requireClasses(classes, "standardDeviationBreaks");
    values = finiteSorted(std::move(values), "standardDeviationBreaks");
    const double count = static_cast<double>(values.size());
    double mean = 0.0;
    for (double v : values)
        mean += v;
    mean /= count;
    double squares = 0.0;
    for (double v : values)
        squares += (v - mean) * (v - mean);
    const double sd = std::sqrt(squares / count);
    const double min = values.front();
    const double max = values.back();

    // classes - 1 inner breaks, symmetric about the mean: at half-integer multiples of σ for
    // an odd count (the middle class straddles the mean), at integer multiples for an even one.
    const double firstOffset = -(static_cast<double>(classes) - 2.0) / 2.0;
    std::vector<double> breaks;
    for (int j = 0; j + 1 < classes; ++j) {
        const double b = mean + (firstOffset + j) * sd;
        if (b >= min && b < max && (breaks.empty() || b > breaks.back()))
            breaks.push_back(b);
    }
    breaks.push_back(max);
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

std::vector<double> symmetricBreaks(const std::vector<double>& values, int classes)
{
    if (classes < 1 || classes > 9)
        throw std::invalid_argument("classes must be between 1 and 9");
    if (classes % 2 == 0)
        classes = std::min(classes + 1, 9);
    double largest = 0.0;
    for (double v : values)
        if (std::isfinite(v))
            largest = std::max(largest, std::fabs(v));
    // The smallest round width W with W * classes / 2 >= largest.
    double width = 1.0;
    if (largest > 0.0) {
        const double wanted = 2.0 * largest / classes;
        const double decade = std::pow(10.0, std::floor(std::log10(wanted)));
        width = 10.0 * decade;
        for (double step : {1.0, 2.0, 2.5, 5.0})
            if (step * decade >= wanted * (1.0 - 1e-12)) {
                width = step * decade;
                break;
            }
    }
    std::vector<double> upper;
    const double low = -width * classes / 2.0;
    for (int i = 1; i <= classes; ++i) {
        const double b = low + width * i;
        upper.push_back(std::fabs(b) < width * 1e-9 ? 0.0 : b);
    }
    return upper;
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
    case ClassificationMethod::StandardDeviation:
        breaks = standardDeviationBreaks(sorted, classes);
        break;
    case ClassificationMethod::Manual:
        throw std::invalid_argument(
            "Classification: manual breaks come with the constructor that takes the upper bounds");
    }
    for (double b : breaks) {
        if (mUpper.empty() || !nearlyEqual(mUpper.back(), b))
            mUpper.push_back(b);
    }
    countValues(sorted);
    chooseDecimals();
}

Classification::Classification(double minimum, std::vector<double> upperBounds, const std::vector<double>& values)
        : mMethod(ClassificationMethod::Manual), mMinimum(minimum), mUpper(std::move(upperBounds))
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

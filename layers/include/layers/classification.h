#pragma once
/// \file classification.h
/// Pure classification of numeric values into classes for choropleth maps (no GUI).
/// Breaks are the *upper bounds* of the classes: class i holds the values v with
/// upper[i-1] < v <= upper[i] (class 0: minimum <= v <= upper[0]); the last break is the
/// maximum of the data.
#include <optional>
#include <string>
#include <vector>

namespace layers {

enum class ClassificationMethod {
    Quantile,          ///< (about) the same number of areas in each class
    EqualInterval,     ///< classes of the same width between minimum and maximum
    NaturalBreaks,     ///< Jenks: minimises the variance inside classes
    StandardDeviation, ///< classes one standard deviation wide around the mean
    Manual,            ///< breaks given by the user (the upper-bounds constructor of Classification)
};

/// \brief "kuantil", "interval sama", "natural breaks (Jenks)", "simpangan baku",
/// "batas manual" — for legends and reports.
std::string methodName(ClassificationMethod method);

/// \brief Short key of \a method for the command line and JSON templates: "quantile",
/// "equal", "natural", "stddev", "manual". methodFromName(methodKey(m)) == m.
std::string methodKey(ClassificationMethod method);

/// \brief The method named \a name: a methodKey() or a methodName() (ASCII case ignored).
/// \returns std::nullopt for any other text.
std::optional<ClassificationMethod> methodFromName(const std::string& name);

/// \brief Upper bounds of \a classes quantile classes of \a values (sorted copy; NaN ignored).
/// Break i is the smallest value v such that at least (i+1)/classes of the values are <= v
/// (the inverse of the empirical distribution): for 1..10 in 5 classes {2, 4, 6, 8, 10}.
/// Repeated values can make consecutive breaks equal (empty classes).
/// \throws std::invalid_argument when classes < 1 or there is no finite value.
std::vector<double> quantileBreaks(std::vector<double> values, int classes);

/// \brief Upper bounds of \a classes classes of equal width: equalIntervalBreaks(0, 10, 4)
/// == {2.5, 5, 7.5, 10}; the last is exactly \a max.
/// \throws std::invalid_argument when classes < 1, max < min or either is not finite.
std::vector<double> equalIntervalBreaks(double min, double max, int classes);

/// \brief Upper bounds of Jenks natural breaks: the partition of the sorted values into
/// \a classes groups with the least total within-class sum of squared deviations, found
/// exactly by Ckmeans.1d.dp (Wang & Song 2011): a dynamic programme over the distinct values
/// (weighted by their multiplicity) whose rows are filled by divide and conquer, O(k·n log n)
/// for n distinct values. Equal values always share a class.
/// With fewer distinct values than classes, returns one class per distinct value.
/// \throws std::invalid_argument when classes < 1 or there is no finite value.
std::vector<double> naturalBreaks(std::vector<double> values, int classes);

/// \brief Upper bounds of standard-deviation classes: classes one population standard
/// deviation σ wide centred on the mean μ. An odd \a classes puts the middle class at
/// μ ± 0.5σ (breaks at μ + (j + 0.5)σ), an even one puts a break at μ (breaks at μ + jσ); the
/// outermost classes are open-ended, reaching the minimum and maximum of the data. Breaks
/// below the minimum or at or above the maximum are dropped (the maximum is always the last
/// bound), so fewer classes than asked may result: for {2, 4, 4, 4, 5, 5, 7, 9} (μ = 5,
/// σ = 2) 3 classes give {4, 6, 9}, 4 give {3, 5, 7, 9}, 7 give {2, 4, 6, 8, 9}. Equal values
/// (σ = 0) give a single class.
/// \throws std::invalid_argument when classes < 1 or there is no finite value.
std::vector<double> standardDeviationBreaks(std::vector<double> values, int classes);

/// \brief The class of \a value: the first i with value <= breaks[i] (a relative tolerance
/// of 1e-9 absorbs rounding); values above the last break fall in the last class.
/// \returns -1 for NaN or empty \a breaks.
int classIndex(const std::vector<double>& breaks, double value);

/// \brief Upper bounds of \a classes classes of equal width, symmetric around zero, for a
/// change map: the width is a round number (1, 2, 2.5 or 5 times a power of ten) such that
/// [-W·classes/2, W·classes/2] holds every value, and the bounds are -W·classes/2 + W·i for
/// i = 1..classes. An even \a classes is raised by one (at most 9), so zero lies inside the
/// middle class, drawn in the ramp's neutral midpoint. \throws std::invalid_argument for
/// classes outside 1..9.
std::vector<double> symmetricBreaks(const std::vector<double>& values, int classes);

/// \brief A classification of a set of values: its bounds, per-class counts and labels.
/// Value type, immutable after construction; safe to share between threads.
class Classification {
public:
    /// \brief Classifies \a values (non-finite values are ignored) with \a method.
    /// Equal breaks (from repeated values) are merged, so classCount() may be lower than
    /// \a classes, never higher.
    /// \throws std::invalid_argument when classes < 1, there is no finite value, or \a method
    /// is Manual (manual breaks come with the upper-bounds constructor).
    Classification(ClassificationMethod method, const std::vector<double>& values, int classes);
    /// \brief Manual breaks (method() is Manual): \a upperBounds ascending, classes from
    /// \a minimum.
    /// \throws std::invalid_argument when \a upperBounds is empty or not ascending.
    Classification(double minimum, std::vector<double> upperBounds, const std::vector<double>& values);

    ClassificationMethod method() const noexcept { return mMethod; }
    int classCount() const noexcept { return static_cast<int>(mUpper.size()); }
    const std::vector<double>& upperBounds() const noexcept { return mUpper; }
    double minimum() const noexcept { return mMinimum; }
    double maximum() const noexcept { return mUpper.empty() ? mMinimum : mUpper.back(); }
    /// \brief Lower bound shown for class \a i: the minimum for class 0, else upper[i-1].
    double lowerBound(int i) const;
    double upperBound(int i) const { return mUpper.at(static_cast<std::size_t>(i)); }
    /// \brief Class of \a value (see classIndex()); -1 for NaN.
    int classOf(double value) const { return classIndex(mUpper, value); }
    /// \brief Number of the classified values that fall in each class.
    const std::vector<int>& counts() const noexcept { return mCounts; }
    int count(int i) const { return mCounts.at(static_cast<std::size_t>(i)); }
    /// \brief Decimals that keep all bounds distinct in labels (0..4), chosen from the spread.
    int decimals() const noexcept { return mDecimals; }
    /// \brief "12,5 – 15,0" (Indonesian number format, en dash), with decimals() places.
    std::string label(int i) const;
    /// \brief label() with an explicit number of decimals.
    std::string label(int i, int decimals) const;
    std::vector<std::string> labels() const;

private:
    void countValues(const std::vector<double>& values);
    void chooseDecimals();

    ClassificationMethod mMethod = ClassificationMethod::Quantile;
    double mMinimum = 0.0;
    std::vector<double> mUpper;
    std::vector<int> mCounts;
    int mDecimals = 1;
};

} // namespace layers

#pragma once
/// \file filterexpression.h
/// A small filter language over the columns of a table, e.g.
///     poverty_rate > 20 and n_bumdes = 0
///     kecamatan in ('Pugung', 'Wonosobo') or not (dist_capital_km between 10 and 40)
/// parsed by our own parser and evaluated in memory (never pasted into SQL).
///
/// Grammar (keywords and column names ignore case; precedence: not > and > or):
///     expression := term { "or" term }
///     term       := factor { "and" factor }
///     factor     := "not" factor | "(" expression ")" | comparison
///     comparison := operand ( op operand
///                           | ["not"] "in" "(" operand { "," operand } ")"
///                           | ["not"] "between" operand "and" operand )
///     op         := "=" | "==" | "!=" | "<>" | "<" | "<=" | ">" | ">="
///     operand    := column | number (e.g. 20, -3.5, 1e3) | 'text' | "text" (a quote doubled inside)
/// Numbers compare with numbers, text with text (case-insensitive for ASCII letters). A missing
/// value (NaN) makes every comparison it takes part in false (so `not (x > 5)` is true for it).
/// An empty expression matches every row.
///
/// \note Thread safety: a compiled FilterExpression is immutable; matches() may be called from
/// any number of threads at once.
#include "gis/analysis.h"
#include "gis/error.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gis {

/// \brief A malformed filter: what() says what was expected at which character position.
class FilterError : public Error {
public:
    FilterError(const std::string& message, std::size_t position) : Error(message), mPosition(position) {}
    /// \brief 1-based position (in characters, not bytes) where the problem starts.
    std::size_t position() const noexcept { return mPosition; }

private:
    std::size_t mPosition = 0;
};

/// \brief A column an expression may name.
struct FilterColumn {
    std::string name;
    bool text = false;     ///< text column (compared with quoted text) or number column
    std::size_t index = 0; ///< passed to FilterRow::number / FilterRow::text
};

/// \brief One row as the expression reads it.
class FilterRow {
public:
    virtual ~FilterRow() = default;
    virtual double number(std::size_t index) const = 0;
    virtual std::string_view text(std::size_t index) const = 0;
};

class FilterExpression {
public:
    /// \brief The empty expression: matches every row.
    FilterExpression() = default;

    /// \brief Parses \a expression against \a columns (names matched ignoring case).
    /// \throws FilterError with the position and what was expected, e.g. "unknown column
    /// 'povrty_rate' at position 1 (did you mean 'poverty_rate'?); columns are: ...".
    static FilterExpression compile(std::string_view expression, const std::vector<FilterColumn>& columns);

    bool empty() const noexcept { return mNodes.empty(); }
    bool matches(const FilterRow& row) const;

    /// \brief The columns of an analysis table: kode, nama, kecamatan (text), then its numeric
    /// columns; indices as matches(const AnalysisTable::Row&) reads them.
    static std::vector<FilterColumn> columnsOf(const AnalysisTable& table);
    /// \brief Compiles against columnsOf(\a table).
    static FilterExpression compile(std::string_view expression, const AnalysisTable& table);
    /// \brief Evaluates on a row of the table the expression was compiled for (columnsOf).
    bool matches(const AnalysisTable::Row& row) const;

    struct Operand {
        enum Kind { Column, Number, Text } kind = Number;
        bool text = false; ///< value type: text or number
        std::size_t index = 0;
        double number = 0.0;
        std::string literal; ///< Text: ASCII-lowered
    };
    struct Node {
        enum Op { Or, And, Not, Compare, In, Between } op = Compare;
        enum Cmp { Eq, Ne, Lt, Le, Gt, Ge } cmp = Eq;
        bool negated = false;          ///< "not in", "not between"
        std::vector<std::size_t> kids; ///< Or/And/Not: child nodes
        std::vector<Operand> operands; ///< Compare: 2; In: subject then the list; Between: 3
    };

private:
    std::vector<Node> mNodes; ///< root last
    bool evaluate(std::size_t node, const FilterRow& row) const;
    friend class FilterParser;
};

} // namespace gis

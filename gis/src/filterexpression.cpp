#include "gis/filterexpression.h"

#include "gis/namematch.h"
#include "gis/text.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <optional>

namespace gis {

namespace {

/// 1-based character position of byte \a offset in UTF-8 \a text.
std::size_t characterPosition(std::string_view text, std::size_t offset)
{
    std::size_t position = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            ++position;
    return position;
}

struct Token {
    enum Kind { End, Word, Number, Text, Symbol } kind = End;
    std::string text; ///< Word/Symbol as written; Text unquoted
    double number = 0.0;
    std::size_t offset = 0; ///< byte offset in the expression
};

bool isWordStart(char c)
{
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || (static_cast<unsigned char>(c) & 0x80);
}

bool isWordChar(char c)
{
    return isWordStart(c) || std::isdigit(static_cast<unsigned char>(c));
}

int compareIgnoringAsciiCase(std::string_view a, std::string_view lowered)
{
    const std::size_t n = std::min(a.size(), lowered.size());
    for (std::size_t i = 0; i < n; ++i) {
        const auto ca = static_cast<unsigned char>(std::tolower(static_cast<unsigned char>(a[i])));
        const auto cb = static_cast<unsigned char>(lowered[i]);
        if (ca != cb)
            return ca < cb ? -1 : 1;
    }
    return a.size() == lowered.size() ? 0 : (a.size() < lowered.size() ? -1 : 1);
}

std::string describe(const Token& t)
{
    return t.kind == Token::End ? std::string("the end") : "'" + t.text + "'";
}

class AnalysisRowView final : public FilterRow {
public:
    explicit AnalysisRowView(const AnalysisTable::Row& row) : mRow(row) {}
    double number(std::size_t index) const override { return mRow.values[index]; }
    std::string_view text(std::size_t index) const override
    {
        return index == 0 ? std::string_view(mRow.kode)
                          : (index == 1 ? std::string_view(mRow.nama) : std::string_view(mRow.kecamatan));
    }

private:
    const AnalysisTable::Row& mRow;
};

} // namespace

class FilterParser {
public:
    FilterParser(std::string_view source, const std::vector<FilterColumn>& columns) : mSource(source), mColumns(columns)
    {
        tokenize();
    }

    FilterExpression parse()
    {
        FilterExpression e;
        mOut = &e;
        if (peek().kind == Token::End)
            return e;
        parseOr();
        if (peek().kind != Token::End)
            fail("expected 'and', 'or' or the end of the expression, found " + describe(peek()), peek());
        return e;
    }

private:
    std::string_view mSource;
    const std::vector<FilterColumn>& mColumns;
    std::vector<Token> mTokens;
    std::size_t mNext = 0;
    FilterExpression* mOut = nullptr;

    [[noreturn]] void fail(const std::string& what, const Token& at) const
    {
        const std::size_t position = characterPosition(mSource, at.offset);
        throw FilterError(what + " at position " + std::to_string(position), position);
    }

    [[noreturn]] void failAt(const std::string& what, std::size_t offset, const std::string& tail = {}) const
    {
        const std::size_t position = characterPosition(mSource, offset);
        throw FilterError(what + " at position " + std::to_string(position) + tail, position);
    }

    void tokenize()
    {
        std::size_t i = 0;
        while (true) {
            while (i < mSource.size() && std::isspace(static_cast<unsigned char>(mSource[i])))
                ++i;
            Token t;
            t.offset = i;
            if (i >= mSource.size()) {
                mTokens.push_back(t);
                return;
            }
            const char c = mSource[i];
            if (c == '\'' || c == '"') {
                t.kind = Token::Text;
                std::size_t j = i + 1;
                bool closed = false;
                while (j < mSource.size()) {
                    if (mSource[j] == c) {
                        if (j + 1 < mSource.size() && mSource[j + 1] == c) {
                            t.text += c;
                            j += 2;
                            continue;
                        }
                        closed = true;
                        ++j;
                        break;
                    }
                    t.text += mSource[j++];
                }
                if (!closed)
                    failAt(std::string("the text starting with ") + c + " is not closed (expected a closing " + c + ")",
                           i);
                i = j;
            } else if (std::isdigit(static_cast<unsigned char>(c)) || c == '.'
                       || (c == '-' && i + 1 < mSource.size()
                           && (std::isdigit(static_cast<unsigned char>(mSource[i + 1])) || mSource[i + 1] == '.'))) {
                t.kind = Token::Number;
                std::size_t j = i + 1;
                while (j < mSource.size()
                       && (std::isdigit(static_cast<unsigned char>(mSource[j])) || mSource[j] == '.'
                           || ((mSource[j] == 'e' || mSource[j] == 'E'))
                           || ((mSource[j] == '-' || mSource[j] == '+')
                               && (mSource[j - 1] == 'e' || mSource[j - 1] == 'E'))))
                    ++j;
                t.text = std::string(mSource.substr(i, j - i));
                const char* begin = t.text.data();
                const char* end = begin + t.text.size();
                const auto [ptr, ec] = std::from_chars(begin, end, t.number);
                if (ec != std::errc() || ptr != end || (j < mSource.size() && isWordChar(mSource[j])))
                    failAt("'" + t.text + "' is not a number (write numbers as 20 or 12.5)", i);
                i = j;
            } else if (isWordStart(c)) {
                t.kind = Token::Word;
                std::size_t j = i;
                while (j < mSource.size() && isWordChar(mSource[j]))
                    ++j;
                t.text = std::string(mSource.substr(i, j - i));
                i = j;
            } else {
                t.kind = Token::Symbol;
                static const char* const twoChar[] = {"<=", ">=", "!=", "<>", "=="};
                bool two = false;
                for (const char* s : twoChar)
                    if (mSource.substr(i, 2) == s)
                        two = true;
                if (two) {
                    t.text = std::string(mSource.substr(i, 2));
                    i += 2;
                } else if (std::string_view("=<>(),").find(c) != std::string_view::npos) {
                    t.text = std::string(1, c);
                    ++i;
                } else {
                    std::size_t j = i + 1;
                    while (j < mSource.size() && (static_cast<unsigned char>(mSource[j]) & 0xC0) == 0x80)
                        ++j;
                    failAt("unexpected character '" + std::string(mSource.substr(i, j - i))
                               + "' (expected a column, a number, a quoted text, a comparison, or parentheses)",
                           i);
                }
            }
            mTokens.push_back(std::move(t));
        }
    }

    const Token& peek() const { return mTokens[mNext]; }
    const Token& take() { return mTokens[mNext++]; }
    bool isKeyword(const Token& t, const char* word) const
    {
        return t.kind == Token::Word && asciiLower(t.text) == word;
    }
    bool isSymbol(const Token& t, const char* s) const { return t.kind == Token::Symbol && t.text == s; }

    std::size_t add(FilterExpression::Node node)
    {
        mOut->mNodes.push_back(std::move(node));
        return mOut->mNodes.size() - 1;
    }

    std::size_t parseOr()
    {
        std::size_t left = parseAnd();
        while (isKeyword(peek(), "or")) {
            take();
            FilterExpression::Node n;
            n.op = FilterExpression::Node::Or;
            n.kids = {left, parseAnd()};
            left = add(std::move(n));
        }
        return left;
    }

    std::size_t parseAnd()
    {
        std::size_t left = parseNot();
        while (isKeyword(peek(), "and")) {
            take();
            FilterExpression::Node n;
            n.op = FilterExpression::Node::And;
            n.kids = {left, parseNot()};
            left = add(std::move(n));
        }
        return left;
    }

    std::size_t parseNot()
    {
        if (isKeyword(peek(), "not")) {
            take();
            FilterExpression::Node n;
            n.op = FilterExpression::Node::Not;
            n.kids = {parseNot()};
            return add(std::move(n));
        }
        if (isSymbol(peek(), "(")) {
            take();
            const std::size_t inner = parseOr();
            if (!isSymbol(peek(), ")"))
                fail("expected ')' to close the '(', found " + describe(peek()), peek());
            take();
            return inner;
        }
        return parseComparison();
    }

    std::string columnList() const
    {
        std::string list;
        for (const FilterColumn& c : mColumns)
            list += (list.empty() ? "" : ", ") + c.name;
        return list;
    }

    FilterExpression::Operand parseOperand()
    {
        const Token& t = peek();
        FilterExpression::Operand o;
        if (t.kind == Token::Number) {
            o.kind = FilterExpression::Operand::Number;
            o.number = t.number;
        } else if (t.kind == Token::Text) {
            o.kind = FilterExpression::Operand::Text;
            o.text = true;
            o.literal = asciiLower(t.text);
        } else if (t.kind == Token::Word) {
            static const char* const keywords[] = {"and", "or", "not", "in", "between"};
            for (const char* k : keywords)
                if (isKeyword(t, k))
                    fail(std::string("expected a column, a number or a quoted text, found the word '") + t.text + "'",
                         t);
            const std::string lowered = asciiLower(t.text);
            const FilterColumn* found = nullptr;
            for (const FilterColumn& c : mColumns)
                if (asciiLower(c.name) == lowered)
                    found = &c;
            if (!found) {
                std::string suggestion;
                std::size_t best = fuzzyThreshold(lowered.size()) + 1;
                for (const FilterColumn& c : mColumns) {
                    const std::size_t d = damerauDistance(lowered, asciiLower(c.name));
                    if (d < best) {
                        best = d;
                        suggestion = c.name;
                    }
                }
                failAt("unknown column '" + t.text + "'", t.offset,
                       (suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)")
                           + "; columns are: " + columnList() + " (text goes in quotes: 'Pugung')");
            }
            o.kind = FilterExpression::Operand::Column;
            o.text = found->text;
            o.index = found->index;
        } else {
            fail("expected a column, a number or a quoted text, found " + describe(t), t);
        }
        take();
        return o;
    }

    void requireSameType(const FilterExpression::Operand& a, const FilterExpression::Operand& b, const Token& atA,
                         const Token& atB) const
    {
        if (a.text == b.text)
            return;
        const bool aIsColumn = a.kind == FilterExpression::Operand::Column;
        const bool bIsColumn = b.kind == FilterExpression::Operand::Column;
        if (aIsColumn != bIsColumn) {
            const FilterExpression::Operand& column = aIsColumn ? a : b;
            const Token& columnToken = aIsColumn ? atA : atB;
            const Token& valueToken = aIsColumn ? atB : atA;
            if (column.text)
                fail("column '" + columnToken.text + "' holds text: write " + describe(valueToken) + " in quotes ('"
                         + valueToken.text + "')",
                     valueToken);
            fail("column '" + columnToken.text + "' holds numbers, but " + describe(valueToken) + " is text",
                 valueToken);
        }
        fail("cannot compare " + describe(atA) + " with " + describe(atB) + ": one is text, the other a number", atB);
    }

    std::size_t parseComparison()
    {
        const Token subjectToken = peek();
        FilterExpression::Operand subject = parseOperand();
        FilterExpression::Node n;
        if (isKeyword(peek(), "not")) {
            take();
            n.negated = true;
            if (!isKeyword(peek(), "in") && !isKeyword(peek(), "between"))
                fail("expected 'in' or 'between' after 'not', found " + describe(peek()), peek());
        }
        const Token op = peek();
        if (isKeyword(op, "in")) {
            take();
            n.op = FilterExpression::Node::In;
            if (!isSymbol(peek(), "("))
                fail("expected '(' and a list of values after 'in', found " + describe(peek()), peek());
            take();
            n.operands.push_back(subject);
            while (true) {
                const Token at = peek();
                FilterExpression::Operand v = parseOperand();
                requireSameType(subject, v, subjectToken, at);
                n.operands.push_back(std::move(v));
                if (isSymbol(peek(), ",")) {
                    take();
                    continue;
                }
                if (isSymbol(peek(), ")")) {
                    take();
                    break;
                }
                fail("expected ',' or ')' in the list after 'in', found " + describe(peek()), peek());
            }
            return add(std::move(n));
        }
        if (isKeyword(op, "between")) {
            take();
            n.op = FilterExpression::Node::Between;
            const Token lowToken = peek();
            FilterExpression::Operand low = parseOperand();
            requireSameType(subject, low, subjectToken, lowToken);
            if (!isKeyword(peek(), "and"))
                fail("expected 'and' between the two bounds of 'between', found " + describe(peek()), peek());
            take();
            const Token highToken = peek();
            FilterExpression::Operand high = parseOperand();
            requireSameType(subject, high, subjectToken, highToken);
            n.operands = {subject, low, high};
            return add(std::move(n));
        }
        using Node = FilterExpression::Node;
        static const std::pair<const char*, Node::Cmp> ops[] = {{"=", Node::Eq},  {"==", Node::Eq}, {"!=", Node::Ne},
                                                                {"<>", Node::Ne}, {"<", Node::Lt},  {"<=", Node::Le},
                                                                {">", Node::Gt},  {">=", Node::Ge}};
        bool found = false;
        for (const auto& [symbol, cmp] : ops)
            if (isSymbol(op, symbol)) {
                n.cmp = cmp;
                found = true;
            }
        if (!found)
            fail("expected a comparison (=, !=, <, <=, >, >=, in, between) after " + describe(subjectToken) + ", found "
                     + describe(op),
                 op);
        take();
        const Token otherToken = peek();
        FilterExpression::Operand other = parseOperand();
        requireSameType(subject, other, subjectToken, otherToken);
        n.op = Node::Compare;
        n.operands = {subject, other};
        return add(std::move(n));
    }
};

FilterExpression FilterExpression::compile(std::string_view expression, const std::vector<FilterColumn>& columns)
{
    return FilterParser(expression, columns).parse();
}

std::vector<FilterColumn> FilterExpression::columnsOf(const AnalysisTable& table)
{
    std::vector<FilterColumn> columns = {{"kode", true, 0}, {"nama", true, 1}, {"kecamatan", true, 2}};
    for (std::size_t i = 0; i < table.columns.size(); ++i)
        columns.push_back({table.columns[i], false, i});
    return columns;
}

FilterExpression FilterExpression::compile(std::string_view expression, const AnalysisTable& table)
{
    return compile(expression, columnsOf(table));
}

bool FilterExpression::matches(const AnalysisTable::Row& row) const
{
    return matches(AnalysisRowView(row));
}

bool FilterExpression::matches(const FilterRow& row) const
{
    return mNodes.empty() || evaluate(mNodes.size() - 1, row);
}

namespace {

struct Value {
    bool text = false;
    double number = 0.0;
    std::string_view raw;     ///< a column's text as stored
    std::string_view lowered; ///< a literal's text, lowered
    bool isLiteralText = false;
};

Value valueOf(const FilterExpression::Operand& o, const FilterRow& row)
{
    Value v;
    v.text = o.text;
    switch (o.kind) {
    case FilterExpression::Operand::Column:
        if (o.text)
            v.raw = row.text(o.index);
        else
            v.number = row.number(o.index);
        break;
    case FilterExpression::Operand::Number:
        v.number = o.number;
        break;
    case FilterExpression::Operand::Text:
        v.lowered = o.literal;
        v.isLiteralText = true;
        break;
    }
    return v;
}

/// <0, 0, >0; nullopt when a number is missing (NaN).
std::optional<int> order(const Value& a, const Value& b)
{
    if (!a.text) {
        if (std::isnan(a.number) || std::isnan(b.number))
            return std::nullopt;
        return a.number < b.number ? -1 : (a.number > b.number ? 1 : 0);
    }
    if (!a.isLiteralText && b.isLiteralText)
        return compareIgnoringAsciiCase(a.raw, b.lowered);
    if (a.isLiteralText && !b.isLiteralText)
        return -compareIgnoringAsciiCase(b.raw, a.lowered);
    const std::string la = a.isLiteralText ? std::string(a.lowered) : asciiLower(std::string(a.raw));
    const std::string lb = b.isLiteralText ? std::string(b.lowered) : asciiLower(std::string(b.raw));
    return la.compare(lb) < 0 ? -1 : (la == lb ? 0 : 1);
}

} // namespace

bool FilterExpression::evaluate(std::size_t index, const FilterRow& row) const
{
    const Node& n = mNodes[index];
    switch (n.op) {
    case Node::Or:
        return evaluate(n.kids[0], row) || evaluate(n.kids[1], row);
    case Node::And:
        return evaluate(n.kids[0], row) && evaluate(n.kids[1], row);
    case Node::Not:
        return !evaluate(n.kids[0], row);
    case Node::Compare: {
        const std::optional<int> o = order(valueOf(n.operands[0], row), valueOf(n.operands[1], row));
        if (!o)
            return false;
        switch (n.cmp) {
        case Node::Eq:
            return *o == 0;
        case Node::Ne:
            return *o != 0;
        case Node::Lt:
            return *o < 0;
        case Node::Le:
            return *o <= 0;
        case Node::Gt:
            return *o > 0;
        case Node::Ge:
            return *o >= 0;
        }
        return false;
    }
    case Node::In: {
        const Value subject = valueOf(n.operands[0], row);
        if (!subject.text && std::isnan(subject.number))
            return false;
        bool any = false;
        for (std::size_t i = 1; i < n.operands.size() && !any; ++i) {
            const std::optional<int> o = order(subject, valueOf(n.operands[i], row));
            any = o && *o == 0;
        }
        return n.negated ? !any : any;
    }
    case Node::Between: {
        const Value subject = valueOf(n.operands[0], row);
        const std::optional<int> low = order(subject, valueOf(n.operands[1], row));
        const std::optional<int> high = order(subject, valueOf(n.operands[2], row));
        if (!low || !high)
            return false;
        const bool inside = *low >= 0 && *high <= 0;
        return n.negated ? !inside : inside;
    }
    }
    return false;
}

} // namespace gis

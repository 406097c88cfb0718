#pragma once
/// \file page.h
/// Paper, page language and tables for printed maps, atlases and meeting reports.
/// \note Value types and pure functions; drawPageTable() paints on the caller's QPainter (one
/// QPainter per thread).
#include <QRectF>
#include <QSizeF>

#include <optional>
#include <string>
#include <vector>

class QPainter;

namespace layers {

/// \brief ISO 216 A sizes and US letter.
enum class Paper { A4, A3, A2, A1, A0, Letter };

/// \brief "A4", "a3", "letter" (case-insensitive); nullopt for anything else.
std::optional<Paper> paperFromName(const std::string& name);
/// \brief "A4" … "A0", "Letter".
std::string paperName(Paper paper);
/// \brief Width × height in millimetres (A4 portrait 210 × 297; landscape swaps them).
QSizeF paperSizeMm(Paper paper, bool landscape);

/// \brief The sheet a page is laid out on. Fonts are in points and lines in millimetres, so the
/// same page prints right on any paper and at any DPI.
struct PageSetup {
    Paper paper = Paper::A4;
    bool landscape = true;
    double dpi = 200.0; ///< raster (PNG) resolution; PDF and SVG are vector
    /// \brief The page in pixels at \a atDpi.
    QSizeF sizePx(double atDpi) const;
};

/// \brief Language of the fixed texts on a page (titles from the data are not translated).
enum class Lang { Id, En };
std::optional<Lang> langFromName(const std::string& name); ///< "id", "en"

/// \brief A table printed on a page (atlas page table, top-N table, placement proposals).
struct PageTable {
    struct Column {
        std::string header;
        bool alignRight = false;  ///< numbers
        double widthWeight = 1.0; ///< share of the spare table width
        bool mayElide = false;    ///< names: cut with "…" when the table is too narrow (codes and numbers never are)
    };
    std::string title;
    std::vector<Column> columns;
    std::vector<std::vector<std::string>> rows;
    std::string note; ///< under the table, e.g. what the score means
};

/// \brief Draws \a table into \a area (device pixels at \a dpi): title, a header row on grey,
/// rows with thin rules, numbers right-aligned. Rows shrink (down to 5.5 pt) to fit the height;
/// rows that still do not fit are left out and a line says how many.
/// \returns the number of rows drawn.
int drawPageTable(QPainter& painter, const QRectF& area, double dpi, const PageTable& table);

} // namespace layers

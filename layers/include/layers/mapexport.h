#pragma once
/// \file mapexport.h
/// Map export (PNG, PDF, SVG; declared with the ThematicMap in thematicmap.h) and a
/// multi-page PDF for atlases and reports.
/// \note A PdfPages owns its file, writer and painter: one thread at a time. exportMap() may run on
/// a worker thread (a QGuiApplication must exist for the fonts).
#include "layers/page.h"
#include "layers/thematicmap.h"

#include <QBuffer>
#include <QPainter>
#include <QPdfWriter>

#include <memory>
#include <string>

namespace layers {

/// \brief A vector PDF written page by page (text stays text). Needs a QGuiApplication.
/// The document is built in memory; finish() writes it beside the file and renames it into
/// place (every write checked). Without finish() nothing is written.
class PdfPages {
public:
    /// \throws gis::OutputError naming the file when it cannot be opened.
    PdfPages(const std::string& path, const PageSetup& page, const std::string& title);
    ~PdfPages();
    PdfPages(const PdfPages&) = delete;
    PdfPages& operator=(const PdfPages&) = delete;

    /// \brief Starts the next page (the first on the first call) and returns its painter.
    QPainter& nextPage();
    QRectF pageRect() const; ///< device pixels
    double dpi() const;
    int pageCount() const noexcept { return mPages; }
    /// \throws gis::OutputError naming the file.
    void finish();

private:
    std::string mPath;
    QBuffer mFile; ///< the document until finish() writes it
    std::unique_ptr<QPdfWriter> mWriter;
    QPainter mPainter;
    int mPages = 0;
};

} // namespace layers

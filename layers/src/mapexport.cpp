#include "layers/mapexport.h"

#include "hugepages.h"
#include "outputfile.h"
#include "units.h"

#include "gis/text.h"

#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <vector>

namespace layers {

using detail::cannotWrite;
using detail::finishFile;
using detail::openForWriting;

namespace {

constexpr int kPngQuality = 80;

std::string lowerExtension(const std::string& path)
{
    return gis::asciiLower(std::filesystem::path(path).extension().string());
}

void writePng(const ThematicMap& map, const std::string& path, QSize sizePx)
{
    const PageSetup& page = map.spec().page;
    if (sizePx.isEmpty()) {
        const QSizeF px = page.sizePx(page.dpi);
        sizePx = QSize(static_cast<int>(std::lround(px.width())), static_cast<int>(std::lround(px.height())));
    }
    if (sizePx.width() < 16 || sizePx.height() < 16 || sizePx.width() > 20000 || sizePx.height() > 20000)
        cannotWrite(path,
                    "image size " + std::to_string(sizePx.width()) + "×" + std::to_string(sizePx.height())
                        + " px is outside 16..20000 (lower the resolution or choose a smaller paper)");
    // The resolution that makes the image the spec's paper, so text and lines keep the
    // proportions of the printed page.
    const QSizeF mm = paperSizeMm(page.paper, page.landscape);
    const double dpi = std::min(sizePx.width() / (mm.width() / detail::kMmPerInch),
                                sizePx.height() / (mm.height() / detail::kMmPerInch));
    QBuffer file;
    openForWriting(file, path);
    // RGB32 on a white page needs no conversion before PNG encoding; the buffer (24 MB for
    // 3000 × 2000) comes from huge pages, as faulting it in page by page is slow on VMs.
    using Buffer = std::vector<uchar, detail::HugePageAllocator<uchar>>;
    auto* buffer = new Buffer(static_cast<std::size_t>(sizePx.width()) * static_cast<std::size_t>(sizePx.height()) * 4);
    QImage image(
        buffer->data(), sizePx.width(), sizePx.height(), sizePx.width() * 4, QImage::Format_RGB32,
        [](void* b) { delete static_cast<Buffer*>(b); }, buffer);
    const int dpm = static_cast<int>(std::lround(dpi / 0.0254));
    image.setDotsPerMeterX(dpm);
    image.setDotsPerMeterY(dpm);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        map.renderPage(painter, QRectF(QPointF(0, 0), QSizeF(sizePx)), dpi);
    }
    // quality 80 = zlib level 1: a few per cent larger than the default level, four times faster
    if (!image.save(&file, "PNG", kPngQuality))
        cannotWrite(path, "the PNG encoder failed");
    finishFile(file, path);
}

void writeSvg(const ThematicMap& map, const std::string& path)
{
    QBuffer file;
    openForWriting(file, path);
    constexpr int kDpi = 96;
    const QSizeF px = map.spec().page.sizePx(kDpi);
    const QSize size(static_cast<int>(std::lround(px.width())), static_cast<int>(std::lround(px.height())));
    {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setResolution(kDpi);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(QString::fromStdString(map.title()));
        svg.setDescription(QStringLiteral("Sasaran"));
        QPainter painter;
        if (!painter.begin(&svg))
            cannotWrite(path, "the SVG generator could not start");
        map.renderPage(painter, QRectF(QPointF(0, 0), QSizeF(size)), kDpi);
        painter.end();
    }
    finishFile(file, path);
}

} // namespace

PdfPages::PdfPages(const std::string& path, const PageSetup& page, const std::string& title) : mPath(path)
{
    detail::requireGuiApplication(path);
    openForWriting(mFile, path);
    mWriter = std::make_unique<QPdfWriter>(&mFile);
    mWriter->setResolution(300);
    const QSizeF mm = paperSizeMm(page.paper, false);
    mWriter->setPageLayout(
        QPageLayout(QPageSize(mm, QPageSize::Millimeter, QString::fromStdString(paperName(page.paper))),
                    page.landscape ? QPageLayout::Landscape : QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    mWriter->setTitle(QString::fromStdString(title));
    mWriter->setCreator(QStringLiteral("Sasaran"));
    if (!mPainter.begin(mWriter.get()))
        cannotWrite(path, "the PDF writer could not start");
}

PdfPages::~PdfPages()
{
    if (mPainter.isActive())
        mPainter.end();
}

QRectF PdfPages::pageRect() const
{
    return QRectF(0, 0, mWriter->width(), mWriter->height());
}
double PdfPages::dpi() const
{
    return mWriter->resolution();
}

QPainter& PdfPages::nextPage()
{
    if (mPages > 0 && !mWriter->newPage())
        cannotWrite(mPath, "the PDF writer could not start page " + std::to_string(mPages + 1));
    ++mPages;
    return mPainter;
}

void PdfPages::finish()
{
    if (!mPainter.end())
        cannotWrite(mPath, "the PDF writer could not finish the document");
    mWriter.reset(); // writes the trailer into the buffer
    finishFile(mFile, mPath);
}

void exportMap(const ThematicMap& map, const std::string& outPath, QSize pngSizePx)
{
    const std::string ext = lowerExtension(outPath);
    if (ext != ".png" && ext != ".pdf" && ext != ".svg")
        cannotWrite(outPath, "unknown extension '" + ext + "'; use .png, .pdf or .svg");
    detail::requireGuiApplication(outPath);
    if (ext == ".png") {
        writePng(map, outPath, pngSizePx);
    } else if (ext == ".pdf") {
        PdfPages pdf(outPath, map.spec().page, map.title());
        map.renderPage(pdf.nextPage(), pdf.pageRect(), pdf.dpi());
        pdf.finish();
    } else {
        writeSvg(map, outPath);
    }
}

void exportMap(const gis::Dataset& ds, const ThematicMapSpec& spec, const std::string& outPath, QSize pngSizePx)
{
    const std::string ext = lowerExtension(outPath);
    if (ext != ".png" && ext != ".pdf" && ext != ".svg")
        cannotWrite(outPath, "unknown extension '" + ext + "'; use .png, .pdf or .svg");
    exportMap(ThematicMap(ds, spec), outPath, pngSizePx);
}

} // namespace layers

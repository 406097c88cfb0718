#include "layers/mapexport.h"

#include "gis/error.h"

#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>

namespace layers {

namespace {

constexpr double kA4LandscapeWidthIn = 297.0 / 25.4;
constexpr double kA4LandscapeHeightIn = 210.0 / 25.4;

std::string lowerExtension(const std::string& path)
{
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

[[noreturn]] void cannotWrite(const std::string& path, const std::string& why)
{
    throw gis::OutputError("cannot write map '" + path + "': " + why);
}

/// Opens the output file up front, so an unwritable path is reported with its reason.
void openForWriting(QFile& file, const std::string& path)
{
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        cannotWrite(path, file.errorString().toStdString() + " (check that the folder exists and is writable)");
}

void requireGuiApplication(const std::string& path)
{
    if (!QGuiApplication::instance())
        cannotWrite(path, "rendering text needs a QGuiApplication (create one, with QT_QPA_PLATFORM=offscreen "
                          "when headless)");
}

void writePng(const ThematicMap& map, const std::string& path, QSize sizePx)
{
    if (sizePx.width() < 16 || sizePx.height() < 16 || sizePx.width() > 20000 || sizePx.height() > 20000)
        cannotWrite(path, "image size " + std::to_string(sizePx.width()) + "×" + std::to_string(sizePx.height())
                              + " px is outside 16..20000");
    // The resolution that makes the image an A4 landscape page, so text and lines keep the
    // proportions of the printed page.
    const double dpi = std::min(sizePx.width() / kA4LandscapeWidthIn, sizePx.height() / kA4LandscapeHeightIn);
    QFile file(QString::fromStdString(path));
    openForWriting(file, path);
    QImage image(sizePx, QImage::Format_ARGB32_Premultiplied);
    const int dpm = static_cast<int>(std::lround(dpi / 0.0254));
    image.setDotsPerMeterX(dpm);
    image.setDotsPerMeterY(dpm);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        map.renderPage(painter, QRectF(QPointF(0, 0), QSizeF(sizePx)), dpi);
    }
    if (!image.convertToFormat(QImage::Format_RGB32).save(&file, "PNG"))
        cannotWrite(path, "the PNG encoder failed");
    file.close();
    if (file.error() != QFileDevice::NoError)
        cannotWrite(path, file.errorString().toStdString());
}

void writePdf(const ThematicMap& map, const std::string& path)
{
    QFile file(QString::fromStdString(path));
    openForWriting(file, path);
    {
        QPdfWriter writer(&file);
        writer.setResolution(300);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(0, 0, 0, 0)));
        writer.setTitle(QString::fromStdString(map.title()));
        writer.setCreator(QStringLiteral("Sasaran"));
        QPainter painter;
        if (!painter.begin(&writer))
            cannotWrite(path, "the PDF writer could not start");
        const QRectF page(0, 0, writer.width(), writer.height());
        map.renderPage(painter, page, writer.resolution());
        if (!painter.end())
            cannotWrite(path, "the PDF writer could not finish the page");
    }
    file.close();
    if (file.error() != QFileDevice::NoError)
        cannotWrite(path, file.errorString().toStdString());
}

void writeSvg(const ThematicMap& map, const std::string& path)
{
    QFile file(QString::fromStdString(path));
    openForWriting(file, path);
    constexpr int kDpi = 96;
    const QSize size(static_cast<int>(std::lround(kA4LandscapeWidthIn * kDpi)),
                     static_cast<int>(std::lround(kA4LandscapeHeightIn * kDpi)));
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
    file.close();
    if (file.error() != QFileDevice::NoError)
        cannotWrite(path, file.errorString().toStdString());
}

} // namespace

void exportMap(const ThematicMap& map, const std::string& outPath, QSize pngSizePx)
{
    const std::string ext = lowerExtension(outPath);
    if (ext != ".png" && ext != ".pdf" && ext != ".svg")
        cannotWrite(outPath, "unknown extension '" + ext + "'; use .png, .pdf or .svg");
    requireGuiApplication(outPath);
    if (ext == ".png")
        writePng(map, outPath, pngSizePx);
    else if (ext == ".pdf")
        writePdf(map, outPath);
    else
        writeSvg(map, outPath);
}

void exportMap(const gis::Dataset& ds, const ThematicMapSpec& spec, const std::string& outPath, QSize pngSizePx)
{
    const std::string ext = lowerExtension(outPath);
    if (ext != ".png" && ext != ".pdf" && ext != ".svg")
        cannotWrite(outPath, "unknown extension '" + ext + "'; use .png, .pdf or .svg");
    exportMap(ThematicMap(ds, spec), outPath, pngSizePx);
}

} // namespace layers

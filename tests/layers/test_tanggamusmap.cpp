// The first map on the embedded Tanggamus data: a PNG whose pixels inside chosen pekon have
// those pekon's class colours.
#include "gis/demo.h"
#include "gis/geometryops.h"
#include "layers/colorramp.h"
#include "layers/maptransform.h"
#include "layers/thematicmap.h"
#include "testutil.h"

#include <QImage>
#include <QPainter>
#include <gtest/gtest.h>

using namespace layers;

TEST(TanggamusMap, PixelsInsidePekonHaveTheirClassColourInTheWrittenPng)
{
    const gis::Dataset ds = gis::buildDefaultDataset();
    ThematicMapSpec spec;
    spec.indicatorKey = "poverty_rate";
    spec.showFacilities = false; // symbols sit on the pekon points this test reads
    spec.showLabels = false;
    const ThematicMap map(ds, spec);
    const QSize size(1800, 1500);
    const gis::Extent view = paddedExtent(map.fullExtent(), 0.02);
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        map.renderMap(painter, QRectF(QPointF(0, 0), QSizeF(size)), view);
    }
    const auto path = testutil::tempDir("tanggamus_map") / "map.png";
    ASSERT_TRUE(image.save(QString::fromStdString(path.string())));
    const QImage png(QString::fromStdString(path.string()));
    ASSERT_EQ(png.size(), size);
    const MapTransform t(view, QRectF(QPointF(0, 0), QSizeF(size)));
    const std::vector<QColor> ramp = colorBrewer("YlOrRd", 5);
    int checked = 0;
    for (const char* code : {"18.06.20.2005", "18.06.19.2001", "18.06.17.2012", "18.06.15.2006", "18.06.01.1001"}) {
        const gis::Area* area = ds.findArea(code);
        ASSERT_NE(area, nullptr) << code;
        const QPointF px = t.toPixel(gis::pointOnSurface(area->geometry));
        const QColor seen = png.pixelColor(px.toPoint());
        EXPECT_EQ(seen, map.colorForArea(code)) << code << " " << area->name;
        const int cls = map.classForArea(code);
        ASSERT_GE(cls, 0) << code;
        EXPECT_EQ(seen, ramp[static_cast<std::size_t>(cls)]) << code;
        ++checked;
    }
    EXPECT_EQ(checked, 5);
}

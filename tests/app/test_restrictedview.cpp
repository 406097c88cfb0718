// The desktop map view of a DTSEN-derived theme: a TERBATAS badge over the map (in Bahasa),
// small counts drawn as no data, gone again for another theme.
#include "gis/demo.h"
#include "gis/project.h"
#include "testutil.h"
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui/mapcanvas.h"
#include "ui/stylepanel.h"
#include "ui/workspace.h"

#include <QComboBox>
#include <QLabel>
#include <QTest>

#include <gtest/gtest.h>

using app::ui::MainWindow;

TEST(RestrictedView, ADtsenThemeShowsTheTerbatasBadgeAndHidesSmallCounts)
{
    ASSERT_TRUE(app::ui::applyLanguage(app::ui::UiLanguage::Indonesian));
    const auto dir = testutil::tempDir("restricted_view");
    gis::Dataset ds = gis::buildDefaultDataset();
    const auto villages = ds.villages();
    const std::string small = villages[0]->code, large = villages[1]->code;
    ds.indicators.push_back({small, "dtsen_jiwa", "2018", 2, "dtsen_uji.csv", ""});
    ds.indicators.push_back({large, "dtsen_jiwa", "2018", 40, "dtsen_uji.csv", ""});
    ds.indicators.push_back({villages[2]->code, "dtsen_jiwa", "2018", 25, "dtsen_uji.csv", ""});
    const std::string project = (dir / "p.sasaran.sqlite").string();
    gis::saveProject(ds, project);
    {
        MainWindow window;
        window.setLanguage(app::ui::UiLanguage::Indonesian);
        window.resize(1200, 800);
        ASSERT_TRUE(window.openProject(QString::fromStdString(project)));
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
        auto* badge = window.canvas()->findChild<QLabel*>(QStringLiteral("restrictedBadge"));
        ASSERT_NE(badge, nullptr);
        EXPECT_FALSE(badge->isVisible()) << "the poverty rate is not DTSEN data";

        QComboBox* theme = window.stylePanel()->themeBox();
        const int dtsen = theme->findData(QStringLiteral("dtsen_jiwa"));
        ASSERT_GE(dtsen, 0);
        theme->setFocus();
        theme->setCurrentIndex(dtsen);
        QTest::qWait(50);
        ASSERT_NE(window.workspace()->map(), nullptr);
        EXPECT_EQ(window.workspace()->map()->indicator().key, "dtsen_jiwa");
        EXPECT_TRUE(badge->isVisible());
        EXPECT_TRUE(badge->text().contains(QStringLiteral("TERBATAS"))) << badge->text().toStdString();
        EXPECT_TRUE(badge->text().contains(QStringLiteral("1 sampai 4"))) << badge->text().toStdString();
        EXPECT_TRUE(badge->toolTip().contains(QStringLiteral(": 1 nilai"))) << badge->toolTip().toStdString();
        EXPECT_FALSE(window.workspace()->map()->valueForArea(small).has_value()) << "2 people: drawn as no data";
        EXPECT_EQ(window.workspace()->map()->valueForArea(large), 40.0);

        theme->setCurrentIndex(theme->findData(QStringLiteral("poverty_rate")));
        QTest::qWait(50);
        EXPECT_FALSE(badge->isVisible());
    }
    app::ui::applyLanguage(app::ui::UiLanguage::English);
}

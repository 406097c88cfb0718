// The atlas and the meeting pack from the desktop: the progress dialog counts pages as they are
// drawn, and its Cancel button (clicked with the mouse) stops the export with nothing written and
// no error box; a layers-level check that a progress callback sees every page once, in order.
#include "gis/analysis.h"
#include "gis/demo.h"
#include "layers/meetingpack.h"
#include "testutil.h"
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui/workspace.h"

#include <QApplication>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QTimer>
#include <gtest/gtest.h>

#include <filesystem>
#include <vector>

namespace {

/// Polls for the export's progress dialog; records the largest page count it showed and, when
/// \a cancelAfter pages are done, clicks its Cancel button.
struct ProgressWatcher {
    int maximum = 0, lastValue = -1, cancelAfter = -1;
    bool cancelled = false;
    QTimer timer;
    explicit ProgressWatcher(int cancelAt) : cancelAfter(cancelAt)
    {
        timer.setInterval(20);
        QObject::connect(&timer, &QTimer::timeout, [this] {
            for (QWidget* w : QApplication::topLevelWidgets()) {
                auto* dialog = qobject_cast<QProgressDialog*>(w);
                if (!dialog || !dialog->isVisible())
                    continue;
                maximum = std::max(maximum, dialog->maximum());
                lastValue = dialog->value();
                if (cancelAfter >= 0 && !cancelled && dialog->value() >= cancelAfter) {
                    auto* cancel = dialog->findChild<QPushButton*>();
                    if (cancel) {
                        QTest::mouseClick(cancel, Qt::LeftButton);
                        cancelled = true;
                    }
                }
            }
        });
        timer.start();
    }
};

} // namespace

TEST(ExportProgress, TheAtlasCallbackSeesEveryPageOnceInOrder)
{
    const gis::Dataset ds = gis::buildDefaultDataset();
    const gis::AnalysisTable table = gis::analyzeVillages(ds);
    layers::AtlasOptions options;
    std::vector<std::pair<int, int>> calls;
    options.progress = [&](int done, int total) {
        calls.emplace_back(done, total);
        return true;
    };
    const auto dir = testutil::tempDir("export_progress_pages");
    const int pages = layers::exportAtlas(ds, table, options, (dir / "atlas.pdf").string());
    // 20 kecamatan + the cover; before each page, and once when done
    ASSERT_EQ(pages, 21);
    ASSERT_EQ(calls.size(), 22u);
    for (int i = 0; i <= pages; ++i)
        EXPECT_EQ(calls[static_cast<std::size_t>(i)], std::make_pair(i, pages));

    // stopped before page 4: nothing is written
    options.progress = [](int done, int) { return done < 3; };
    const auto stopped = dir / "stopped.pdf";
    EXPECT_THROW(layers::exportAtlas(ds, table, options, stopped.string()), layers::ExportCancelled);
    EXPECT_FALSE(std::filesystem::exists(stopped));
}

TEST(ExportProgress, TheDesktopCountsPagesAndCancelStopsTheAtlasWithNothingWritten)
{
    app::ui::applyLanguage(app::ui::UiLanguage::Indonesian);
    app::ui::MainWindow window;
    window.show();
    window.openDefaultDataset();
    const auto dir = testutil::tempDir("export_progress_cancel");

    // a whole meeting pack: the dialog showed the page count (2 findings pages, 4 maps and tables)
    {
        ProgressWatcher watcher(-1);
        ASSERT_TRUE(window.exportReportTo(QString::fromStdString((dir / "bahan_rakor.pdf").string())));
        EXPECT_EQ(watcher.maximum, 6) << "the dialog counted the pack's pages";
        EXPECT_TRUE(std::filesystem::exists(dir / "bahan_rakor.pdf"));
    }
    // the atlas (21 pages), cancelled after its second page
    const auto atlas = dir / "atlas.pdf";
    ProgressWatcher watcher(2);
    EXPECT_FALSE(window.exportAtlasTo(QString::fromStdString(atlas.string())));
    EXPECT_TRUE(watcher.cancelled) << "the Cancel button was there and clicked";
    EXPECT_LT(watcher.lastValue, 21);
    EXPECT_FALSE(std::filesystem::exists(atlas)) << "a cancelled export writes nothing";
    EXPECT_TRUE(window.statusBar()->currentMessage().startsWith(QStringLiteral("Dihentikan")))
        << window.statusBar()->currentMessage().toStdString();
    EXPECT_EQ(QApplication::activeModalWidget(), nullptr) << "no error box";
}

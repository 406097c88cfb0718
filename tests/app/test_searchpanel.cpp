// The search panel: typed names (misspelt, with a prefix, through an alias), codes and kecamatan.
#include "gis/demo.h"
#include "ui/searchpanel.h"

#include <QLabel>
#include <QAbstractItemView>
#include <QCompleter>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <gtest/gtest.h>

namespace {

QString kecamatanCode(const gis::Dataset& ds, const std::string& name)
{
    for (const gis::Area* k : ds.areasOfKind("kecamatan"))
        if (k->name == name)
            return QString::fromStdString(k->code);
    return {};
}

void type(app::ui::SearchPanel& panel, const QString& text)
{
    panel.lineEdit()->clear();
    panel.lineEdit()->setFocus();
    QTest::keyClicks(panel.lineEdit(), text);
    QTest::keyClick(panel.lineEdit(), Qt::Key_Return);
}

} // namespace

TEST(SearchPanel, FindsAMisspeltPekonACodeAndAKecamatan)
{
    gis::Dataset ds = gis::buildDefaultDataset();
    ASSERT_NE(ds.findArea("18.06.20.2005"), nullptr);
    ASSERT_EQ(ds.findArea("18.06.20.2005")->name, "Gisting Bawah");
    ds.aliases.push_back({"18.06.19.2001", "Batukeramat Lama", "user"});
    app::ui::SearchPanel panel;
    panel.setDataset(&ds);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy villages(&panel, &app::ui::SearchPanel::villageChosen);
    QSignalSpy kecamatan(&panel, &app::ui::SearchPanel::kecamatanChosen);

    type(panel, QStringLiteral("Pekon Gistng Bawah")); // a letter missing, with the prefix
    ASSERT_GE(villages.count(), 1);
    EXPECT_EQ(villages.last().at(0).toString(), QStringLiteral("18.06.20.2005"));

    type(panel, QStringLiteral("batukeramat lama")); // the alias table
    EXPECT_EQ(villages.last().at(0).toString(), QStringLiteral("18.06.19.2001"));

    type(panel, QStringLiteral("18.06.19.2001"));
    EXPECT_EQ(villages.last().at(0).toString(), QStringLiteral("18.06.19.2001"));

    const QString pugung = kecamatanCode(ds, "Pugung");
    ASSERT_FALSE(pugung.isEmpty());
    type(panel, QStringLiteral("Kecamatan Pugnug")); // two letters swapped
    ASSERT_GE(kecamatan.count(), 1);
    EXPECT_EQ(kecamatan.last().at(0).toString(), pugung);

    const int before = villages.count() + kecamatan.count();
    EXPECT_FALSE(panel.search(QStringLiteral("Zzyzx Qwerty")));
    EXPECT_EQ(villages.count() + kecamatan.count(), before);
    EXPECT_TRUE(panel.messageLabel()->text().contains(QStringLiteral("'Zzyzx Qwerty'")));
}

TEST(SearchPanel, EnterWithTheCompleterListOpenSearchesWhatWasTypedOrTakesTheHighlightedEntry)
{
    const gis::Dataset ds = gis::buildDefaultDataset();
    app::ui::SearchPanel panel;
    panel.setDataset(&ds);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy villages(&panel, &app::ui::SearchPanel::villageChosen);

    // the list of matches is open with one entry, nothing highlighted: Enter takes that entry
    panel.lineEdit()->setFocus();
    QTest::keyClicks(panel.lineEdit(), QStringLiteral("Gisting Baw"));
    ASSERT_TRUE(panel.lineEdit()->completer()->popup()->isVisible());
    QTest::keyClick(panel.lineEdit()->completer()->popup(), Qt::Key_Return);
    ASSERT_EQ(villages.count(), 1);
    EXPECT_EQ(villages.last().at(0).toString(), QStringLiteral("18.06.20.2005"));

    // Down highlights the first match; Enter takes it, once
    panel.lineEdit()->clear();
    QTest::keyClicks(panel.lineEdit(), QStringLiteral("Gisting Baw"));
    ASSERT_TRUE(panel.lineEdit()->completer()->popup()->isVisible());
    QTest::keyClick(panel.lineEdit()->completer()->popup(), Qt::Key_Down);
    QTest::keyClick(panel.lineEdit()->completer()->popup(), Qt::Key_Return);
    ASSERT_EQ(villages.count(), 2);
    EXPECT_EQ(villages.last().at(0).toString(), QStringLiteral("18.06.20.2005"));

    // several entries listed (the kecamatan and its pekon), none highlighted: Enter searches the
    // text typed, here the kecamatan's whole name
    panel.lineEdit()->clear();
    QTest::keyClicks(panel.lineEdit(), QStringLiteral("Gisting"));
    ASSERT_TRUE(panel.lineEdit()->completer()->popup()->isVisible());
    ASSERT_GT(panel.lineEdit()->completer()->completionCount(), 1);
    QSignalSpy kecamatan(&panel, &app::ui::SearchPanel::kecamatanChosen);
    QTest::keyClick(panel.lineEdit()->completer()->popup(), Qt::Key_Return);
    ASSERT_EQ(kecamatan.count(), 1) << "\"Gisting\" is the kecamatan's name";
    EXPECT_EQ(kecamatan.last().at(0).toString(), kecamatanCode(ds, "Gisting"));
}

// The workspace's edit path: a commit goes to the project's store in one transaction, the
// project is read again (with what others wrote meanwhile) and the view stays where it was.
#include "gis/error.h"
#include "gis/priority.h"
#include "gis/store.h"
#include "testutil.h"
#include "ui/workspace.h"

#include <QSignalSpy>
#include <gtest/gtest.h>

#include <algorithm>

using app::ui::Workspace;

namespace {

gis::ProjectChanges schemeChange(const std::string& name)
{
    gis::PriorityScheme scheme = gis::defaultPriorityScheme();
    scheme.name = name;
    gis::ProjectChanges changes;
    changes.meta["skema." + name] = gis::schemeToJson(scheme);
    return changes;
}

std::string firstVillageCode(const Workspace& ws)
{
    return ws.dataset()->villages().front()->code;
}

} // namespace

TEST(WorkspaceEdit, TheExampleIsEditableAndACommitKeepsTheView)
{
    Workspace ws;
    ws.openExample();
    ASSERT_TRUE(ws.canEdit()) << ws.readOnlyReason().toStdString();
    EXPECT_TRUE(ws.location().isEmpty()) << "the example is not a file the user chose";
    ws.setTheme(QStringLiteral("poverty_rate"));
    const QString period = ws.period();
    const std::string code = firstVillageCode(ws);
    ws.setSelection({code});
    ws.layerList()->setVisible(QStringLiteral("labels:pekon"), false);

    QSignalSpy opened(&ws, &Workspace::projectChanged);
    QSignalSpy changed(&ws, &Workspace::projectDataChanged);
    ws.commit(schemeChange("uji"));
    EXPECT_EQ(opened.count(), 0) << "the same project: panels keep their state";
    EXPECT_EQ(changed.count(), 1);
    EXPECT_TRUE(ws.schemeNames().contains(QStringLiteral("uji")));
    EXPECT_EQ(ws.themeKey(), QStringLiteral("poverty_rate"));
    EXPECT_EQ(ws.period(), period);
    EXPECT_EQ(ws.selection(), std::set<std::string>{code});
    const auto& entries = ws.layerList()->entries();
    auto labels = std::find_if(entries.begin(), entries.end(),
                               [](const app::ui::LayerEntry& e) { return e.id == QStringLiteral("labels:pekon"); });
    ASSERT_NE(labels, entries.end());
    EXPECT_FALSE(labels->visible) << "a layer the user hid stays hidden";
}

TEST(WorkspaceEdit, ACommitIsInTheFileAndShowsWhatAnotherWriterAddedMeanwhile)
{
    const auto dir = testutil::tempDir("workspace_edit_file");
    const std::string path = (dir / "proyek.sasaran.sqlite").string();
    {
        Workspace maker;
        maker.openExample();
        maker.saveCopy(QString::fromStdString(path));
    }
    Workspace ws;
    ws.openProject(QString::fromStdString(path));
    ASSERT_TRUE(ws.canEdit()) << ws.readOnlyReason().toStdString();
    const std::string code = firstVillageCode(ws);

    // another user adds an alias while this window is open
    {
        auto other = gis::openProject(path);
        gis::ProjectChanges theirs;
        theirs.addAliases.push_back({code, "Nama Lain Uji", "user"});
        other->write(theirs);
    }
    ws.commit(schemeChange("bersama"));
    EXPECT_TRUE(ws.schemeNames().contains(QStringLiteral("bersama")));
    const auto& aliases = ws.dataset()->aliases;
    EXPECT_TRUE(std::any_of(aliases.begin(), aliases.end(), [&](const gis::AreaAlias& a) {
        return a.areaCode == code && a.name == "Nama Lain Uji";
    })) << "the project is read again after the write";

    const gis::Dataset stored = gis::openProject(path, gis::OpenMode::ReadOnly)->read();
    EXPECT_EQ(stored.meta.count("skema.bersama"), 1u) << "the commit is in the file";
    EXPECT_EQ(stored.villages().size(), 302u);
}

TEST(WorkspaceEdit, ADatasetWithoutAStoreCannotBeEditedAndSaysWhy)
{
    Workspace ws;
    ws.openExample();
    gis::Dataset ds = *ws.dataset();
    ws.setDataset(std::move(ds), QStringLiteral("lepas"), QString());
    EXPECT_FALSE(ws.canEdit());
    EXPECT_FALSE(ws.readOnlyReason().isEmpty());
    EXPECT_THROW(ws.commit(schemeChange("tidak")), gis::Error);
    EXPECT_FALSE(ws.schemeNames().contains(QStringLiteral("tidak")));
}

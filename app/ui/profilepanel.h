#pragma once
/// \file profilepanel.h
/// The pekon profile: code, name, kecamatan; every indicator by period with the change since the
/// previous one; facilities inside and the nearest of each kind; the priority score, rank and
/// each indicator's contribution, the rank change and rank stability when the table has them
/// (Priority panel); the LISA cluster; the island status (gis::villageProfile),
/// as rich text that wraps to the panel's width (nothing cut off).
/// \note GUI thread only. Owns nothing: the inputs given to setData() must outlive the panel or
/// be replaced first.
#include "gis/villageprofile.h"

#include <QString>
#include <QWidget>

#include <optional>

class QTextBrowser;

namespace app::ui {

class ProfilePanel : public QWidget {
    Q_OBJECT
public:
    explicit ProfilePanel(QWidget* parent = nullptr);

    /// \brief The dataset and the results computed for it (each may be null but \a dataset).
    /// Shows the current village again with the new inputs.
    void setData(const gis::Dataset* dataset, const gis::AnalysisTable* table, const gis::HotspotResult* lisa = nullptr,
                 const gis::IslandResult* islands = nullptr);

    /// \brief The profile shown, or null.
    const gis::VillageProfile* profile() const { return mProfile ? &*mProfile : nullptr; }
    QString currentCode() const { return mCode; }
    /// \brief The text shown (plain), e.g. for tests and copying.
    QString plainText() const;
    QTextBrowser* browser() const { return mBrowser; }

public slots:
    /// \brief Shows the profile of village \a code (empty = nothing); an unknown code says so.
    void showVillage(const QString& code);

private:
    const gis::Dataset* mDataset = nullptr;
    gis::VillageProfileInputs mInputs;
    std::optional<gis::VillageProfile> mProfile;
    QString mCode;
    QTextBrowser* mBrowser = nullptr;

    QString html(const gis::VillageProfile& p) const;
    QString rankStabilityHtml(const std::string& code) const;
};

} // namespace app::ui

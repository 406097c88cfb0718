#pragma once
/// \file searchpanel.h
/// Search: a line edit with a completer over "Name — Kecamatan (code)" of every pekon and
/// kecamatan. Enter resolves what was typed: a completer entry, a code, a kecamatan name, or a
/// pekon name matched as imports match names (gis::NameMatcher: prefixes and case ignored, the
/// alias table, an unambiguous edit-distance match), then a kecamatan name by edit distance.
/// \note GUI thread only. Keeps its own copy of the names (NameMatcher); the dataset given to
/// setDataset() is read only there.
#include "gis/dataset.h"
#include "gis/namematch.h"

#include <QHash>
#include <QString>
#include <QWidget>

#include <memory>
#include <vector>

class QCompleter;
class QLabel;
class QLineEdit;
class QStringListModel;

namespace app::ui {

class SearchPanel : public QWidget {
    Q_OBJECT
public:
    explicit SearchPanel(QWidget* parent = nullptr);

    /// \brief Searches \a dataset (null = nothing to search).
    void setDataset(const gis::Dataset* dataset);

    /// \brief Resolves \a text as Enter does, emitting villageChosen or kecamatanChosen.
    /// \returns false when nothing was found (the message label says why).
    bool search(const QString& text);

    QLineEdit* lineEdit() const { return mEdit; }
    QLabel* messageLabel() const { return mMessage; }
    QCompleter* completer() const { return mCompleter; }

signals:
    void villageChosen(const QString& code);
    void kecamatanChosen(const QString& code);

protected:
    /// Enter in the completer's list with no entry highlighted: the list would swallow it.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Kecamatan {
        std::string code, name, key; ///< key = gis::normaliseAreaName(name)
    };
    QLineEdit* mEdit = nullptr;
    QLabel* mMessage = nullptr;
    QCompleter* mCompleter = nullptr;
    QStringListModel* mEntries = nullptr;
    QHash<QString, QString> mEntryCode; ///< completer entry -> code
    QHash<QString, bool> mIsVillage;    ///< code -> village (else kecamatan)
    std::unique_ptr<gis::NameMatcher> mMatcher;
    std::vector<Kecamatan> mKecamatan;

    bool choose(const QString& code);
};

} // namespace app::ui

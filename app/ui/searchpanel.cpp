#include "ui/searchpanel.h"

#include <QAbstractItemView>
#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStringListModel>
#include <QVBoxLayout>

#include <map>

namespace app::ui {

SearchPanel::SearchPanel(QWidget* parent) : QWidget(parent)
{
    mEdit = new QLineEdit(this);
    mEdit->setPlaceholderText(tr("Find a pekon or kecamatan by name or code"));
    mEdit->setClearButtonEnabled(true);
    mMessage = new QLabel(this);
    mMessage->setWordWrap(true);
    mMessage->hide();
    mEntries = new QStringListModel(this);
    mCompleter = new QCompleter(mEntries, this);
    mCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    mCompleter->setFilterMode(Qt::MatchContains);
    mCompleter->setMaxVisibleItems(12);
    mEdit->setCompleter(mCompleter);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mEdit);
    layout->addWidget(mMessage);
    connect(mCompleter, qOverload<const QString&>(&QCompleter::activated), this,
            [this](const QString& entry) { search(entry); });
    connect(mEdit, &QLineEdit::returnPressed, this, [this] {
        if (!mCompleter->popup() || !mCompleter->popup()->isVisible())
            search(mEdit->text());
    });
    // after the completer's own filter on its list, so this one sees the keys first
    mCompleter->popup()->installEventFilter(this);
}

bool SearchPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == mCompleter->popup() && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && !mCompleter->popup()->currentIndex().isValid()) {
            mCompleter->popup()->hide();
            // one entry listed: the one the user sees; else what was typed (exact, fuzzy or ambiguous)
            if (mCompleter->completionCount() == 1 && mCompleter->setCurrentRow(0))
                search(mCompleter->currentCompletion());
            else
                search(mEdit->text());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SearchPanel::setDataset(const gis::Dataset* dataset)
{
    mEntryCode.clear();
    mIsVillage.clear();
    mKecamatan.clear();
    mMatcher.reset();
    QStringList entries;
    if (dataset) {
        std::map<std::string, std::string> kecamatanName;
        for (const gis::Area* k : dataset->areasOfKind("kecamatan")) {
            kecamatanName[k->code] = k->name;
            mKecamatan.push_back({k->code, k->name, gis::normaliseAreaName(k->name)});
            const QString entry =
                tr("Kecamatan %1 (%2)").arg(QString::fromStdString(k->name), QString::fromStdString(k->code));
            entries << entry;
            mEntryCode.insert(entry, QString::fromStdString(k->code));
            mIsVillage.insert(QString::fromStdString(k->code), false);
        }
        for (const gis::Area* v : dataset->villages()) {
            const auto k = kecamatanName.find(v->parentCode);
            const QString entry = QStringLiteral("%1 — %2 (%3)")
                                      .arg(QString::fromStdString(v->name),
                                           QString::fromStdString(k == kecamatanName.end() ? v->parentCode : k->second),
                                           QString::fromStdString(v->code));
            entries << entry;
            mEntryCode.insert(entry, QString::fromStdString(v->code));
            mIsVillage.insert(QString::fromStdString(v->code), true);
        }
        mMatcher = std::make_unique<gis::NameMatcher>(*dataset);
    }
    mEntries->setStringList(entries);
    mMessage->hide();
}

bool SearchPanel::choose(const QString& code)
{
    mMessage->hide();
    if (mIsVillage.value(code))
        emit villageChosen(code);
    else
        emit kecamatanChosen(code);
    return true;
}

bool SearchPanel::search(const QString& typed)
{
    const QString text = typed.trimmed();
    if (text.isEmpty() || !mMatcher)
        return false;
    if (const auto it = mEntryCode.constFind(text); it != mEntryCode.constEnd())
        return choose(*it);
    if (mIsVillage.contains(text))
        return choose(text);
    const std::string key = gis::normaliseAreaName(text.toStdString());
    for (const Kecamatan& k : mKecamatan)
        if (k.key == key)
            return choose(QString::fromStdString(k.code));
    const gis::NameMatch m = mMatcher->match(text.toStdString());
    if (m.kind == gis::MatchKind::Exact || m.kind == gis::MatchKind::Fuzzy)
        return choose(QString::fromStdString(m.code));
    if (m.kind == gis::MatchKind::Ambiguous) {
        QStringList candidates;
        for (const std::string& c : m.candidates)
            candidates << QString::fromStdString(c);
        mMessage->setText(tr("Several pekon match '%1': %2. Type more of the name or pick one from the list.")
                              .arg(text, candidates.join(QStringLiteral(", "))));
        mMessage->show();
        return false;
    }
    // A kecamatan written slightly differently: the nearest name within the fuzzy threshold,
    // only when no other is as near.
    const Kecamatan* best = nullptr;
    std::size_t bestDistance = gis::fuzzyThreshold(key.size()) + 1;
    bool tie = false;
    if (key.size() >= 4)
        for (const Kecamatan& k : mKecamatan) {
            const std::size_t d = gis::damerauDistance(key, k.key);
            if (d < bestDistance) {
                best = &k;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance && best)
                tie = true;
        }
    if (best && !tie)
        return choose(QString::fromStdString(best->code));
    mMessage->setText(tr("No pekon or kecamatan is called '%1'. Check the spelling or search by code.").arg(text));
    mMessage->show();
    return false;
}

} // namespace app::ui

#include "ui/stylepanel.h"

#include "layers/colorramp.h"
#include "ui/language.h"
#include "ui/workspace.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QSpinBox>

#include <algorithm>

namespace app {
namespace ui {

namespace {

QIcon rampIcon(const std::string& ramp)
{
    QPixmap pixmap(60, 12);
    QPainter painter(&pixmap);
    const std::vector<QColor> colours = layers::rampColors(ramp, 5);
    for (std::size_t i = 0; i < colours.size(); ++i)
        painter.fillRect(QRect(static_cast<int>(i) * 12, 0, 12, 12), colours[i]);
    return QIcon(pixmap);
}

} // namespace

StylePanel::StylePanel(Workspace* workspace, QWidget* parent) : QWidget(parent), mWorkspace(workspace)
{
    setObjectName(QStringLiteral("stylePanel"));
    auto* form = new QFormLayout(this);
    form->setContentsMargins(6, 6, 6, 6);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    mTheme = new QComboBox(this);
    mTheme->setObjectName(QStringLiteral("themeBox"));
    mTheme->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    mTheme->setMinimumContentsLength(18);
    form->addRow(tr("Layer"), mTheme);
    mPeriod = new QComboBox(this);
    mPeriod->setObjectName(QStringLiteral("periodBox"));
    form->addRow(tr("Period"), mPeriod);
    mCompare = new QComboBox(this);
    mCompare->setObjectName(QStringLiteral("compareBox"));
    mCompare->setToolTip(tr("Show the change of the indicator from this period to the period above (later minus "
                            "earlier; the poverty rate in percentage points)"));
    form->addRow(tr("Compare with period"), mCompare);
    mOnlyLevel = new QComboBox(this);
    mOnlyLevel->setObjectName(QStringLiteral("onlyLevelBox"));
    mOnlyLevel->setToolTip(tr("Colour only the pekon at this level of the category, e.g. Tidak for the pekon "
                              "without it; the others are drawn plain"));
    form->addRow(tr("Show only"), mOnlyLevel);
    mScheme = new QComboBox(this);
    mScheme->setObjectName(QStringLiteral("schemeBox"));
    form->addRow(tr("Priority scheme"), mScheme);
    mMethod = new QComboBox(this);
    mMethod->setObjectName(QStringLiteral("methodBox"));
    mMethod->addItem(tr("Quantiles"), static_cast<int>(layers::ClassificationMethod::Quantile));
    mMethod->addItem(tr("Equal intervals"), static_cast<int>(layers::ClassificationMethod::EqualInterval));
    mMethod->addItem(tr("Natural breaks (Jenks)"), static_cast<int>(layers::ClassificationMethod::NaturalBreaks));
    mMethod->addItem(tr("Standard deviations"), static_cast<int>(layers::ClassificationMethod::StandardDeviation));
    mMethod->addItem(tr("Manual breaks"), static_cast<int>(layers::ClassificationMethod::Manual));
    form->addRow(tr("Classification"), mMethod);
    mClasses = new QSpinBox(this);
    mClasses->setObjectName(QStringLiteral("classesBox"));
    mClasses->setRange(2, 9);
    form->addRow(tr("Classes"), mClasses);
    mRamp = new QComboBox(this);
    mRamp->setObjectName(QStringLiteral("rampBox"));
    for (const std::string& r : layers::rampNames())
        mRamp->addItem(rampIcon(r), QString::fromStdString(r));
    mRamp->setIconSize(QSize(60, 12));
    form->addRow(tr("Colours"), mRamp);
    mBreaks = new QLineEdit(this);
    mBreaks->setObjectName(QStringLiteral("breaksEdit"));
    mBreaks->setPlaceholderText(
        tr("e.g. %1; %2; %3").arg(formatNumber(5, 1), formatNumber(10, 1), formatNumber(20, 1)));
    mBreaks->setToolTip(tr("Upper bounds of the classes, ascending, separated by semicolons"));
    form->addRow(tr("Breaks"), mBreaks);
    mBreaksError = new QLabel(this);
    mBreaksError->setWordWrap(true);
    mBreaksError->setStyleSheet(QStringLiteral("color: #a01010"));
    form->addRow(QString(), mBreaksError);

    connect(mTheme, &QComboBox::currentIndexChanged, this,
            [this] { mWorkspace->setTheme(mTheme->currentData().toString()); });
    connect(mPeriod, &QComboBox::currentIndexChanged, this, [this] { mWorkspace->setPeriod(mPeriod->currentText()); });
    connect(mCompare, &QComboBox::currentIndexChanged, this,
            [this] { mWorkspace->setComparePeriod(mCompare->currentData().toString()); });
    connect(mOnlyLevel, &QComboBox::currentIndexChanged, this,
            [this] { mWorkspace->setOnlyLevel(mOnlyLevel->currentData().toString()); });
    connect(mScheme, &QComboBox::currentIndexChanged, this,
            [this] { mWorkspace->setScheme(mScheme->currentData().toString()); });
    connect(mMethod, &QComboBox::currentIndexChanged, this, &StylePanel::applyStyle);
    connect(mClasses, &QSpinBox::valueChanged, this, &StylePanel::applyStyle);
    connect(mRamp, &QComboBox::currentIndexChanged, this, &StylePanel::applyStyle);
    connect(mBreaks, &QLineEdit::editingFinished, this, &StylePanel::applyStyle);
    connect(mWorkspace, &Workspace::projectChanged, this, &StylePanel::reload);
    connect(mWorkspace, &Workspace::projectDataChanged, this, &StylePanel::reload);
    connect(mWorkspace, &Workspace::themesChanged, this, &StylePanel::reload);
    connect(mWorkspace, &Workspace::mapChanged, this, &StylePanel::syncFromWorkspace);
    reload();
}

void StylePanel::reload()
{
    const QSignalBlocker b1(mTheme), b2(mPeriod), b3(mScheme);
    mTheme->clear();
    for (const ThemeInfo& t : mWorkspace->themes())
        mTheme->addItem(t.unit.isEmpty() || t.label.contains(t.unit) ? t.label : tr("%1 (%2)").arg(t.label, t.unit),
                        t.key);
    mPeriod->clear();
    mPeriod->addItems(mWorkspace->periods());
    mScheme->clear();
    for (const QString& s : mWorkspace->schemeNames())
        mScheme->addItem(s.isEmpty() ? tr("Remote-area priority (default)") : s, s);
    syncFromWorkspace();
}

void StylePanel::syncFromWorkspace()
{
    const QSignalBlocker b1(mTheme), b2(mPeriod), b3(mScheme), b4(mMethod), b5(mClasses), b6(mRamp), b7(mCompare);
    mTheme->setCurrentIndex(mTheme->findData(mWorkspace->themeKey()));
    mPeriod->setCurrentText(mWorkspace->period());
    // every period but the one shown; the change is drawn for indicator themes
    mCompare->clear();
    mCompare->addItem(tr("(none)"), QString());
    for (const QString& p : mWorkspace->periods())
        if (p != mWorkspace->period())
            mCompare->addItem(p, p);
    mCompare->setCurrentIndex(std::max(0, mCompare->findData(mWorkspace->comparePeriod())));
    const QSignalBlocker b8(mOnlyLevel);
    mOnlyLevel->clear();
    mOnlyLevel->addItem(tr("(every level)"), QString());
    for (const QString& level : mWorkspace->themeLevels())
        mOnlyLevel->addItem(level, level);
    mOnlyLevel->setCurrentIndex(std::max(0, mOnlyLevel->findData(mWorkspace->onlyLevel())));
    mOnlyLevel->setEnabled(mOnlyLevel->count() > 1);
    mScheme->setCurrentIndex(mScheme->findData(mWorkspace->schemeName()));
    const LayerStyle& s = mWorkspace->style();
    mMethod->setCurrentIndex(mMethod->findData(static_cast<int>(s.method)));
    mClasses->setValue(s.classCount);
    // a change map is drawn on the diverging ramp the recipe chose (layers::resolveMap): show that one
    const auto map = mWorkspace->map();
    const bool changeMap = map && map->indicator().key.rfind("change_", 0) == 0;
    mChangeRamp = changeMap ? QString::fromStdString(mWorkspace->mapSpec().ramp) : QString();
    mRamp->setCurrentText(changeMap ? mChangeRamp : s.ramp);
    const bool manual = s.method == layers::ClassificationMethod::Manual;
    mBreaks->setEnabled(manual);
    mClasses->setEnabled(!manual);
    const ThemeInfo* theme = mWorkspace->theme();
    const bool classified = theme && theme->kind != ThemeInfo::Kind::Lisa && theme->key != "base";
    for (QWidget* w : {static_cast<QWidget*>(mMethod), static_cast<QWidget*>(mRamp)})
        w->setEnabled(classified);
    if (!classified) {
        mClasses->setEnabled(false);
        mBreaks->setEnabled(false);
    }
    mScheme->setEnabled(mWorkspace->analysis() != nullptr);
    mPeriod->setEnabled(mPeriod->count() > 1);
    const bool indicatorTheme = theme && theme->kind == ThemeInfo::Kind::Indicator && theme->key != "base"
        && theme->key != "area_km2";
    mCompare->setEnabled(mCompare->count() > 1 && indicatorTheme);
    QStringList breaks;
    for (double b : s.manualBreaks)
        breaks << formatNumber(b, 2);
    if (!mBreaks->hasFocus())
        mBreaks->setText(breaks.join(QStringLiteral("; ")));
    mBreaksError->setText(mWorkspace->mapError());
    mBreaksError->setVisible(!mWorkspace->mapError().isEmpty());
}

void StylePanel::applyStyle()
{
    LayerStyle s = mWorkspace->style();
    s.method = static_cast<layers::ClassificationMethod>(mMethod->currentData().toInt());
    s.classCount = mClasses->value();
    // the diverging ramp shown on a change map stays the map's own: the style keeps its ramp
    if (mChangeRamp.isEmpty() || mRamp->currentText() != mChangeRamp)
        s.ramp = mRamp->currentText();
    s.manualBreaks.clear();
    if (s.method == layers::ClassificationMethod::Manual) {
        const QLocale locale = uiLocale();
        for (const QString& part : mBreaks->text().split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            bool ok = false;
            const double v = locale.toDouble(part.trimmed(), &ok);
            if (!ok) {
                mBreaksError->setText(tr("“%1” is not a number. Write the breaks like %2; %3.")
                                          .arg(part.trimmed(), formatNumber(5, 1), formatNumber(10, 1)));
                mBreaksError->setVisible(true);
                return;
            }
            s.manualBreaks.push_back(v);
        }
        if (s.manualBreaks.empty()) {
            // start the manual breaks from the classes shown, so the user edits them
            if (const auto map = mWorkspace->map(); map && !map->isCategorical())
                s.manualBreaks = map->classification().upperBounds();
        }
        for (std::size_t i = 1; i < s.manualBreaks.size(); ++i)
            if (s.manualBreaks[i] <= s.manualBreaks[i - 1]) {
                mBreaksError->setText(tr("The breaks must grow from left to right."));
                mBreaksError->setVisible(true);
                return;
            }
    }
    mWorkspace->setStyle(s);
}

} // namespace ui
} // namespace app

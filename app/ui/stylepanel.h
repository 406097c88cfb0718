#pragma once
/// \file stylepanel.h
/// The style editor of the pekon layer: what it shows (theme, period, priority scheme) and how
/// (classification method, number of classes, colour ramp, manual breaks). Every change goes
/// to the workspace at once, so the map and the legend follow.
/// \note GUI thread only.
#include <QWidget>

class QComboBox;
class QLineEdit;
class QSpinBox;
class QLabel;

namespace app {
namespace ui {

class Workspace;

class StylePanel : public QWidget {
    Q_OBJECT
public:
    explicit StylePanel(Workspace* workspace, QWidget* parent = nullptr);

    QComboBox* themeBox() const { return mTheme; }
    QComboBox* periodBox() const { return mPeriod; }
    /// \brief "Compare with period": none, or an earlier period whose change the map shows.
    QComboBox* compareBox() const { return mCompare; }
    QComboBox* methodBox() const { return mMethod; }
    QSpinBox* classesBox() const { return mClasses; }
    QComboBox* rampBox() const { return mRamp; }
    /// \brief "Show only": every level, or one level of the category shown (e.g. Tidak).
    QComboBox* onlyLevelBox() const { return mOnlyLevel; }
    QLineEdit* breaksEdit() const { return mBreaks; }

private:
    void reload();
    void syncFromWorkspace();
    void applyStyle();

    Workspace* mWorkspace;
    QComboBox* mTheme = nullptr;
    QComboBox* mPeriod = nullptr;
    QComboBox* mCompare = nullptr;
    QComboBox* mOnlyLevel = nullptr;
    QString mChangeRamp; ///< the ramp a change map is drawn with ("" when no change map is shown)
    QComboBox* mScheme = nullptr;
    QComboBox* mMethod = nullptr;
    QSpinBox* mClasses = nullptr;
    QComboBox* mRamp = nullptr;
    QLineEdit* mBreaks = nullptr;
    QLabel* mBreaksError = nullptr;
};

} // namespace ui
} // namespace app

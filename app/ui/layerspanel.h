#pragma once
/// \file layerspanel.h
/// The layers panel: the workspace's layer list with a check box per layer (visibility), up and
/// down (drawing order) and an opacity slider for the chosen layer; below it the travel-time
/// layer (Workspace::showTravel): on or off, to which destination, in which classes of minutes,
/// at which cell size, with Cancel while it is computed.
/// \note GUI thread only.
#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSlider;
class QSpinBox;
class QToolButton;

namespace app {
namespace ui {

class Workspace;

class LayersPanel : public QWidget {
    Q_OBJECT
public:
    explicit LayersPanel(Workspace* workspace, QWidget* parent = nullptr);
    QListView* list() const { return mList; }
    QSlider* opacity() const { return mOpacity; }
    QGroupBox* travelBox() const { return mTravel; }
    QComboBox* travelDestination() const { return mTravelTo; }
    QLineEdit* travelClasses() const { return mTravelClasses; }
    QSpinBox* travelResolution() const { return mTravelResolution; }
    QPushButton* travelCancel() const { return mTravelCancel; }
    QLabel* travelStatus() const { return mTravelStatus; }

private:
    QString currentId() const;
    void syncOpacity();
    /// The destinations of the project in the combo (after a project opened).
    void fillTravelDestinations();
    /// The controls as the workspace's travel layer is (on/off, destination, classes, state).
    void syncTravel();
    /// Asks the workspace for the layer the controls describe (or says what is wrong).
    void applyTravel();

    Workspace* mWorkspace;
    QListView* mList = nullptr;
    QSlider* mOpacity = nullptr;
    QToolButton* mUp = nullptr;
    QToolButton* mDown = nullptr;
    QGroupBox* mTravel = nullptr;
    QComboBox* mTravelTo = nullptr;
    QLineEdit* mTravelClasses = nullptr;
    QSpinBox* mTravelResolution = nullptr;
    QPushButton* mTravelCancel = nullptr;
    QLabel* mTravelStatus = nullptr;
};

} // namespace ui
} // namespace app

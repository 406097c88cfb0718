#pragma once
/// \file layerspanel.h
/// The layers panel: the workspace's layer list with a check box per layer (visibility), up and
/// down (drawing order) and an opacity slider for the chosen layer.
/// \note GUI thread only.
#include <QWidget>

class QListView;
class QSlider;
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

private:
    QString currentId() const;
    void syncOpacity();

    Workspace* mWorkspace;
    QListView* mList = nullptr;
    QSlider* mOpacity = nullptr;
    QToolButton* mUp = nullptr;
    QToolButton* mDown = nullptr;
};

} // namespace ui
} // namespace app

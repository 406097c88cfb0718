#pragma once
/// \file serverdialog.h
/// The connection dialog of a shared (PostgreSQL/PostGIS) project: host, port, database, user,
/// project and the password. The password is handed to the caller for this session only
/// (gis::setServerPassword keeps it in memory); the dialog says that ~/.pgpass keeps it for
/// those who want it kept. location() never holds the password.
/// \note GUI thread only.
#include <QDialog>
#include <QString>

class QLabel;
class QLineEdit;
class QPushButton;

namespace app {
namespace ui {

class ServerProjectDialog : public QDialog {
    Q_OBJECT
public:
    /// \param title what the dialog is for ("Open a server project", "Copy to the server")
    /// \param intro one sentence above the fields
    ServerProjectDialog(const QString& title, const QString& intro, QWidget* parent = nullptr);

    /// \brief Fills the fields from a `postgresql://USER@HOST:PORT/DB?project=NAME` location (no password).
    void setLocation(const QString& location);
    /// \brief `postgresql://USER@HOST:PORT/DB?project=NAME` of the fields, without any password.
    QString location() const;
    /// \brief What the user typed as password ("" when none: libpq then looks in ~/.pgpass).
    QString password() const;

    QLineEdit* hostEdit() const { return mHost; }
    QLineEdit* portEdit() const { return mPort; }
    QLineEdit* databaseEdit() const { return mDatabase; }
    QLineEdit* userEdit() const { return mUser; }
    QLineEdit* projectEdit() const { return mProject; }
    QLineEdit* passwordEdit() const { return mPassword; }
    QPushButton* okButton() const { return mOk; }

private:
    void updateState();

    QLineEdit* mHost = nullptr;
    QLineEdit* mPort = nullptr;
    QLineEdit* mDatabase = nullptr;
    QLineEdit* mUser = nullptr;
    QLineEdit* mProject = nullptr;
    QLineEdit* mPassword = nullptr;
    QLabel* mProblem = nullptr;
    QPushButton* mOk = nullptr;
};

} // namespace ui
} // namespace app

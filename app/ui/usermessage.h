#pragma once
/// \file usermessage.h
/// The desktop's edge for errors: a gis::Error (written for logs and the command line, in the
/// data's words) becomes one plain sentence in the UI language that says what went wrong with
/// which file and what to do, without SQL, table names, keys or command lines.
/// \note Pure functions of their arguments (translations through the installed translator).
#include "gis/error.h"

#include <QCoreApplication>
#include <QString>

namespace app {
namespace ui {

/// \brief What the user was doing when the error happened.
enum class UserAction { OpenProject, SaveProject, NewProject, ExportMap, ExportAtlas, ExportReport, ShowMap };

class UserMessages {
    Q_DECLARE_TR_FUNCTIONS(UserMessages)
public:
    /// \brief The message for \a error while doing \a action with \a location (a file path or
    /// a server URI; shown by its file name).
    static QString forError(const std::exception& error, UserAction action, const QString& location);
    /// \brief Title of the message box for \a action.
    static QString title(UserAction action);
};

} // namespace ui
} // namespace app

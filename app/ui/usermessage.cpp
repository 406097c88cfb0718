#include "ui/usermessage.h"

#include "gis/store.h"

#include <QFileInfo>

namespace app {
namespace ui {

namespace {

bool mentions(const std::string& text, const char* needle)
{
    return text.find(needle) != std::string::npos;
}

/// A location as the user knows it: a file's name, or a server project's name without the URI.
QString shownName(const QString& location)
{
    if (gis::isServerLocation(location.toStdString())) {
        const int at = location.indexOf(QStringLiteral("project="));
        return at >= 0 ? location.mid(at + 8) : QStringLiteral("server");
    }
    return QFileInfo(location).fileName();
}

} // namespace

QString UserMessages::title(UserAction action)
{
    switch (action) {
    case UserAction::OpenProject:
        return tr("Open project");
    case UserAction::SaveProject:
        return tr("Save a copy");
    case UserAction::NewProject:
        return tr("New project");
    case UserAction::ExportMap:
        return tr("Export map");
    case UserAction::ExportAtlas:
        return tr("Export atlas");
    case UserAction::ExportReport:
        return tr("Export meeting pack");
    case UserAction::ShowMap:
        return tr("Map");
    }
    return {};
}

QString UserMessages::forError(const std::exception& error, UserAction action, const QString& location)
{
    const std::string what = error.what();
    const QString name = shownName(location);
    const bool server = gis::isServerLocation(location.toStdString());
    if (action == UserAction::OpenProject) {
        if (mentions(what, "does not exist"))
            return tr("The file “%1” was not found. Check the folder and the name, or choose another project.")
                .arg(name);
        if (mentions(what, "not a database") || mentions(what, "not a Sasaran project")
            || mentions(what, "unreadable schema"))
            return tr("The file “%1” is not a Sasaran project. Choose a project file (*.sasaran.sqlite), or make a "
                      "new project from a boundary file.")
                .arg(name);
        if (mentions(what, "schema version"))
            return tr("The project “%1” was made by a newer version of Sasaran. Update Sasaran to open it.").arg(name);
        if (mentions(what, "sedang dipakai") || mentions(what, "busy") || mentions(what, "locked"))
            return tr("The project “%1” is being changed by another program. Wait a moment and try again.").arg(name);
        if (mentions(what, "no PostgreSQL support"))
            return tr("This build of Sasaran cannot open server projects such as “%1”. Open a project file "
                      "instead.")
                .arg(name);
        if (server)
            return tr("The server project “%1” could not be opened. Check the address, the project name and your "
                      "access, or ask the database administrator.")
                .arg(name);
        return tr("The project “%1” could not be opened; it may be damaged. Try a copy of it, or make a new "
                  "project from a boundary file.")
            .arg(name);
    }
    if (action == UserAction::NewProject) {
        // the capital as typed: the areas it matches are names and codes of the file, shown as they are
        if (const std::size_t at = what.find("matches several areas: "); mentions(what, "capital '") && at != std::string::npos) {
            const std::size_t from = at + std::string("matches several areas: ").size();
            const std::string list = what.substr(from, what.find("; give", from) - from);
            return tr("Several areas are called like the capital given: %1. Give the name of one kecamatan, or its "
                      "code, and try again.")
                .arg(QString::fromStdString(list));
        }
        if (mentions(what, "capital '") && mentions(what, "matches no"))
            return tr("No kecamatan or village of the file is called like the capital given. Give the name as the "
                      "file writes it, or leave the capital empty.");
        if (mentions(what, "capital '"))
            return tr("The capital given is not a name, a code or LON,LAT (longitude first, e.g. 104.62,-5.49).");
        if (mentions(what, "CRS") || mentions(what, "crs"))
            return tr("The boundary file “%1” does not say its coordinate system. Save it with a coordinate system "
                      "(for example as a GeoPackage) and try again.")
                .arg(name);
        return tr("No project could be made from “%1”. Choose a village boundary file (GeoPackage, Shapefile or "
                  "GeoJSON) with a code and a name for each village.")
            .arg(name);
    }
    if (action == UserAction::ShowMap)
        return tr("This layer has no values for the chosen period. Choose another layer or period.");
    if (mentions(what, "extension"))
        return tr("“%1” cannot be written: choose a name ending in .pdf, .png or .svg.").arg(name);
    if (action == UserAction::SaveProject && mentions(what, "already exists"))
        return tr("“%1” already exists. Choose another name.").arg(name);
    return tr("“%1” could not be written. Check that the folder exists, that you may write there and that the file "
              "is not open in another program.")
        .arg(name);
}

} // namespace ui
} // namespace app

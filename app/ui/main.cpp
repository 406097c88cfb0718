#include "ui/language.h"
#include "ui/mainwindow.h"

#include <QApplication>

int main(int argc, char** argv)
{
    QApplication application(argc, argv);
    QApplication::setApplicationName("Sasaran");
    QApplication::setOrganizationName("Sasaran");
    app::ui::applyLanguage(app::ui::savedLanguage());
    app::ui::MainWindow window;
    if (argc > 1)
        window.openProject(QString::fromLocal8Bit(argv[1]));
    else
        window.openDefaultDataset();
    window.show();
    return QApplication::exec();
}

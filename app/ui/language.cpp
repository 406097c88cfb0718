#include "ui/language.h"

#include <QCoreApplication>
#include <QSettings>
#include <QTranslator>

#include <cmath>

namespace app {
namespace ui {

namespace {

UiLanguage gCurrent = UiLanguage::Indonesian;

QTranslator& translator()
{
    static QTranslator* t = new QTranslator(QCoreApplication::instance());
    return *t;
}

} // namespace

UiLanguage savedLanguage()
{
    return QSettings().value(QStringLiteral("ui/language"), QStringLiteral("id")).toString() == QLatin1String("en")
        ? UiLanguage::English
        : UiLanguage::Indonesian;
}

QString languageCode(UiLanguage language)
{
    return language == UiLanguage::English ? QStringLiteral("en") : QStringLiteral("id");
}

bool applyLanguage(UiLanguage language)
{
    QCoreApplication::removeTranslator(&translator());
    gCurrent = language;
    QSettings().setValue(QStringLiteral("ui/language"), languageCode(language));
    QLocale::setDefault(uiLocale());
    // The sources are written in English: only Indonesian needs a translator.
    if (language == UiLanguage::English)
        return true;
    if (!translator().load(QStringLiteral(":/i18n/sasaran_id.qm")))
        return false;
    return QCoreApplication::installTranslator(&translator());
}

UiLanguage currentLanguage()
{
    return gCurrent;
}

QLocale uiLocale()
{
    return gCurrent == UiLanguage::English ? QLocale(QLocale::English, QLocale::UnitedKingdom)
                                           : QLocale(QLocale::Indonesian, QLocale::Indonesia);
}

layers::Lang pageLanguage()
{
    return gCurrent == UiLanguage::English ? layers::Lang::En : layers::Lang::Id;
}

QString formatNumber(double value, int decimals)
{
    if (!std::isfinite(value))
        return QStringLiteral("–");
    return uiLocale().toString(value, 'f', decimals);
}

QString formatCount(long long value)
{
    return uiLocale().toString(value);
}

QString formatValue(double value, const QString& unit, int decimals)
{
    if (!std::isfinite(value))
        return QStringLiteral("–");
    const QString number = formatNumber(value, decimals);
    return unit.isEmpty() ? number : number + QChar(0x00a0) + unit;
}

} // namespace ui
} // namespace app

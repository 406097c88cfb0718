#pragma once
/// \file language.h
/// The language of the desktop: Bahasa Indonesia by default, English selectable; the choice is
/// kept in QSettings ("ui/language"). Numbers shown anywhere in the app go through uiLocale(),
/// so Indonesian shows 12,48 % and 1.735.
/// \note GUI thread only (installs translators on the application).
#include "layers/page.h"

#include <QLocale>
#include <QString>

namespace app {
namespace ui {

enum class UiLanguage { Indonesian, English };

/// \brief The saved choice (Indonesian when none was saved).
UiLanguage savedLanguage();
/// \brief Installs the translator of \a language on the application, saves the choice and sets
/// QLocale's default to it. Returns false when the embedded translation is missing.
bool applyLanguage(UiLanguage language);
UiLanguage currentLanguage();
/// \brief "id" or "en".
QString languageCode(UiLanguage language);

/// \brief Indonesian (Indonesia) or English (United Kingdom) number and date formats.
QLocale uiLocale();
/// \brief The language of printed pages that matches the UI.
layers::Lang pageLanguage();

/// \brief \a value with \a decimals places in the UI language: "12,48" / "12.48".
QString formatNumber(double value, int decimals);
/// \brief A whole count with group separators: "1.735" / "1,735".
QString formatCount(long long value);
/// \brief \a value with its unit: "12,48 %", "340,2 jiwa/km²"; "–" for NaN.
QString formatValue(double value, const QString& unit, int decimals = 2);

} // namespace ui
} // namespace app

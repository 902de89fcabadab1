# Translations of the window, included from app/CMakeLists.txt once both
# executables exist. One catalogue per language covers the window and the
# models below it (app/main.cpp, views/, models/). The compiled .qm files are
# embedded in pushdeck under :/i18n and loaded at start-up
# (translationloader.cpp). pushdeckctl gets none: it speaks English only, so
# that a message of the models never lands in German inside an English
# sentence of the command line.
#
#   cmake --build BUILD --target update_translations   # lupdate: refresh the .ts files
#
# A new language: add translations/pushdeck_<lang>.ts below and run the
# target above once.
find_package(Qt6 6.4 QUIET COMPONENTS LinguistTools)
if(TARGET Qt6::lupdate AND TARGET Qt6::lrelease)
    set(PUSHDECK_TS_FILES ${PROJECT_SOURCE_DIR}/translations/pushdeck_de.ts)
    # Every source of the libraries and executables, from their targets.
    set(PUSHDECK_TRANSLATED_SOURCES "")
    foreach(target pushdeck_core pushdeck_format pushdeck_gateway pushdeck_staleness pushdeck_operations pushdeck_session
                   pushdeck_items pushdeck_demo pushdeck_views pushdeck)
        get_target_property(sources ${target} SOURCES)
        get_target_property(dir ${target} SOURCE_DIR)
        foreach(source IN LISTS sources)
            if(source MATCHES "\\.(cpp|h)$")
                cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY ${dir})
                list(APPEND PUSHDECK_TRANSLATED_SOURCES ${source})
            endif()
        endforeach()
    endforeach()
    # The pushdeck target alone holds only main.cpp: lupdate gets every
    # source and our include folders (not Qt's, which it need not parse).
    qt_add_translations(pushdeck
        TS_FILES ${PUSHDECK_TS_FILES}
        SOURCES ${PUSHDECK_TRANSLATED_SOURCES}
        INCLUDE_DIRECTORIES ${PROJECT_SOURCE_DIR}/models ${PROJECT_SOURCE_DIR} ${PROJECT_SOURCE_DIR}/app
        LUPDATE_OPTIONS -no-obsolete -locations none
        QM_FILES_OUTPUT_VARIABLE PUSHDECK_QM_FILES)
    qt_add_resources(pushdeck "pushdeck_translations"
        PREFIX "/i18n"
        BASE ${CMAKE_CURRENT_BINARY_DIR}
        FILES ${PUSHDECK_QM_FILES})
    target_sources(pushdeck PRIVATE ${PROJECT_SOURCE_DIR}/translations/translationloader.cpp)

    # End to end, under a German locale: the window's catalogue is embedded
    # and loaded at start-up (its --help is German), and pushdeckctl stays
    # English, also for a message that comes from the models and that the
    # window shows in German.
    add_test(NAME translations_de COMMAND pushdeck --help)
    set_tests_properties(translations_de PROPERTIES
        LABELS gui
        ENVIRONMENT "LC_ALL=C.UTF-8;LANGUAGE=de;QT_QPA_PLATFORM=offscreen"
        PASS_REGULAR_EXPRESSION "Ein Desktop-Dashboard f[^ ]+r das Prometheus Pushgateway")
    add_test(NAME translations_ctl_english COMMAND pushdeckctl --gateway ftp://example.invalid status)
    set_tests_properties(translations_ctl_english PROPERTIES
        LABELS cli
        ENVIRONMENT "LC_ALL=C.UTF-8;LANGUAGE=de"
        PASS_REGULAR_EXPRESSION "^pushdeckctl: gateway URL \"ftp://example.invalid\" must use http or https\n$"
        FAIL_REGULAR_EXPRESSION "muss|Gateway-URL")
else()
    message(STATUS "Qt6 LinguistTools not found (Debian: qt6-l10n-tools, qt6-tools-dev): no translations")
endif()

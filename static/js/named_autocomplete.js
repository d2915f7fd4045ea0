// Names select2's text box after its field (NamedAutocompleteSelect in taskforce/admin.py): select2
// names it only with the title of a chosen value, so an empty box had no accessible name.
'use strict';
{
    const $ = django.jQuery;

    function nameBoxes(root) {
        $(root).find('select.admin-autocomplete[data-field-label]').each(function() {
            $(this).next('.select2').find('.select2-selection__rendered').attr('aria-label', this.dataset.fieldLabel);
        });
    }

    // Registered after Django's autocomplete.js, so these run after it has drawn the boxes.
    $(function() {
        nameBoxes(document);
    });
    document.addEventListener('formset:added', (event) => {
        nameBoxes(event.target);
    });
}

# ruff: noqa: B018 (each line names an attribute, for vulture to count as used)
"""Names vulture (`make lint`) must count as used: what Django and the libraries call by name.

Each `_.name` below is used wherever it is defined. The first part lists the hooks of
Django's classes (models' Meta, admin, views, forms, feeds, sitemaps, middleware, management
commands) and of the libraries (django-import-export, django-filter, crispy-forms); the
second, names the code reaches only by a string or from a template (model and form fields,
choices, admin actions named in `actions`, settings, AppConfigs, middleware). Patterns of
hook names (clean_*, has_*_permission…) and the decorators of entry points are in the
Makefile's VULTURE_FLAGS. Remove a name here once nothing defines it any more.
"""

from types import SimpleNamespace

_ = SimpleNamespace()

# Django's and the libraries' hooks
_.list_display
_.list_display_links
_.list_filter
_.list_select_related
_.list_editable
_.list_per_page
_.list_max_show_all
_.search_fields
_.search_help_text
_.readonly_fields
_.raw_id_fields
_.autocomplete_fields
_.filter_horizontal
_.filter_vertical
_.prepopulated_fields
_.date_hierarchy
_.actions
_.actions_on_top
_.actions_on_bottom
_.inlines
_.fieldsets
_.fields
_.exclude
_.ordering
_.sortable_by
_.show_full_result_count
_.show_facets
_.show_change_link
_.show_close_button
_.change_list_template
_.change_form_template
_.delete_confirmation_template
_.object_history_template
_.view_on_site
_.save_on_top
_.empty_value_display
_.formfield_overrides
_.extra
_.max_num
_.min_num
_.can_delete
_.classes
_.site_title
_.site_header
_.index_title
_.index_template
_.site_url
_.default_site
_.enable_nav_sidebar
_.verbose_name
_.verbose_name_plural
_.indexes
_.constraints
_.abstract
_.permissions
_.default_permissions
_.get_latest_by
_.unique_together
_.db_table
_.managed
_.proxy
_.base_manager_name
_.default_related_name
_.app_name
_.urlpatterns
_.handler400
_.handler403
_.handler404
_.handler500
_.template_name
_.context_object_name
_.paginate_by
_.paginate_orphans
_.page_kwarg
_.form_class
_.success_url
_.model
_.queryset
_.http_method_names
_.resource_classes
_.import_id_fields
_.skip_unchanged
_.report_skipped
_.use_transactions
_.clean_model_instances
_.export_order
_.export_form_class
_.import_template_name
_.feed_type
_.changefreq
_.priority
_.i18n
_.alternates
_.x_default
_.protocol
_.limit
_.item_guid_is_permalink
_.title_template
_.description_template
_.attr_class
_.help
_.requires_system_checks
_.requires_migrations_checks
_.output_transaction
_.default_auto_field
_.name
_.label
_.help_texts
_.labels
_.widgets
_.field_classes
_.error_messages
_.form_tag
_.disable_csrf
_.layout
_.input_type
_.template_name_suffix
_.option_template_name
_.get_queryset
_.get_context_data
_.get_object
_.get_form_kwargs
_.get_form_class
_.get_initial
_.get_success_url
_.form_valid
_.form_invalid
_.dispatch
_.get
_.post
_.head
_.options
_.paginate_queryset
_.get_paginate_by
_.setup
_.clean
_.save_model
_.delete_model
_.save_related
_.save_formset
_.get_urls
_.get_readonly_fields
_.get_fieldsets
_.get_fields
_.get_list_display
_.get_list_filter
_.get_actions
_.get_search_results
_.get_prepopulated_fields
_.get_changeform_initial_data
_.changelist_view
_.change_view
_.add_view
_.delete_view
_.history_view
_.response_change
_.response_add
_.lookups
_.choices
_.get_form
_.get_formset
_.get_inline_instances
_.get_changelist_instance
_.get_exclude
_.lookup_allowed
_.each_context
_.get_app_list
_.index
_.lastmod
_.location
_.items
_.feed_url
_.feed_extra_kwargs
_.item_extra_kwargs
_.title
_.link
_.description
_.subtitle
_.author_name
_.get_feed
_.get_object
_.categories
_.ready
_.handle
_.add_arguments
_.create_parser
_.process_request
_.process_view
_.process_exception
_.process_response
_.process_template_response
_.authenticate
_.get_user
_.user_can_authenticate
_.has_perm
_.has_module_perms
_.render
_.value_from_datadict
_.value_omitted_from_data
_.format_value
_.get_context
_.id_for_label
_.to_python
_.from_db_value
_.get_prep_value
_.get_db_prep_value
_.deconstruct
_.bound_data
_.has_changed
_.prepare_value
_.validate
_.run_validators
_.widget_attrs
_.get_filename
_.get_export_queryset
_.get_import_resource_classes
_.get_export_resource_classes
_.before_import
_.before_import_row
_.after_import
_.import_field
_.export_field
_.get_instance
_.init_instance
_.save_instance
_.as_sql
_.as_sqlite
_.as_postgresql
_.get_transform
_.get_lookup
_.lookup_name
_.template
_.function
_.arg_joiner
_.contains_aggregate
_.natural_key
_.get_by_natural_key
_.get_absolute_url
_.write_message
_.__str__
_.__html__
_.Meta
_.Command
_.Migration

# Reached by a string, a template, a migration or a signature Django calls with

# alliance/apps.py
_.AllianceConfig

# alliance/asgi.py
_.application

# alliance/backups.py
_.mtime
_.readable

# alliance/content.py
_.link_join_form
_.add_history_and_partners  # alliance migration 0007

# alliance/models.py
_.PRIVACY
_.TERMINOLOGY

# alliance/open_data.py
_.update_rule

# alliance/views.py
_.server_error

# background/apps.py
_.BackgroundConfig

# background/models.py
_.last_attempt_at
_.last_finished_at
_.next_attempt_at

# bench/peer/report.py
_.END
_.START

# bench/run.py
_.autocommit

# bench/servers.py
_.nginx
_.nginx_site_values
_.render_nginx_site

# contact/admin.py
_.answer_selected

# contact/apps.py
_.ContactConfig

# contact/forms.py
_.privacy_consent

# contact/models.py
_.COOPERATION
_.DATA
_.MEMBERSHIP
_.PRESS
_.WEBSITE
_.answered_by
_.handled_by
_.phone
_.received_at

# cooperation/admin.py
_.accept_selected
_.decline_selected

# cooperation/apps.py
_.CooperationConfig

# cooperation/models.py
_.list_publicly
_.contact_phone
_.decided_by
_.decline_reason
_.roma_led
_.website

# core/filters.py
_.rendering_key  # read by templates/includes/_filter_form.html

# core/admin.py
_.ADMIN_TITLES
_.then_next

# core/apps.py
_.AllianceAdminConfig

# core/auth.py
_.LockoutBackend
_.credentials
_.lockout_response
_.original_response

# core/backoffice.py
_.AllianceAdminSite

# core/cache.py
_.ServeAheadMiddleware

# core/collation.py
_.sender

# core/files.py
_.app_configs
_.show_indexes

# core/history.py
_._change_reason
_._history_user

# core/images.py
_.backfill
_.image_height
_.image_width
_.move_pictures
_.src
_.srcset

# core/logs.py
_.hint
_.logging_config
_.start_error_reports

# core/middleware.py
_.AdminNoCacheMiddleware
_.DatabaseUnavailableMiddleware
_.RejectNullCharacterMiddleware
_.RequestIdMiddleware

# core/protection.py
_.BoundedModelChoiceField

# core/search.py
_.output_field
_.stored_search_document
_.trigram_index

# core/spreadsheet.py
_._escape_formulae

# core/workflows.py
_.watched_models

# declarations/admin.py
_.reject
_.withdraw

# declarations/apps.py
_.DeclarationsConfig

# declarations/forms.py
_.commitment
_.q

# declarations/models.py
_.is_current
_.is_published
_.public_authority_name
_.rejection_reason
_.search_authority
_.staff_note
_.status_changed_by
_.verified_at
_.verified_by

# events/admin.py
_.cancel
_.publish

# events/apps.py
_.EventsConfig

# events/models.py
_.ONLINE
_.STUDY_VISIT
_.confirmed_at
_.programme
_.programme_html
_.search_text

# figures/apps.py
_.FiguresConfig

# figures/charts.py
_.has_legend
_.label_heading
_.summable

# library/apps.py
_.LibraryConfig

# library/models.py
_.document_path

# members/admin.py
_.approve_selected
_.mark_left_selected
_.reject_selected

# members/apps.py
_.MembersConfig

# members/map/drawing.py
_.context_path
_.country_name
_.dot_width
_.dots
_.markers_svg
_.off_map
_.outlines

# members/models.py
_.action_plan_url
_.has_public_contact
_.national_network
_.population
_.programme_list
_.public_contact_role
_.search_names

# members/resources.py
_.description_en
_.description_fr
_.display_name_en
_.display_name_fr

# news/admin.py
_.published_by

# news/apps.py
_.NewsConfig

# news/models.py
_.SPEECH
_.quote_speaker
_.speaker_name
_.speaker_role

# participants/admin.py
_.send_invitation

# participants/forms.py
_.formatted  # read by the practice form's template

# participants/apps.py
_.ParticipantsConfig

# participants/models.py
_.invited_at
_.show_role  # read by the directory's template

# practices/admin.py
_.archive_selected
_.publish_selected
_.return_selected
_.submit_selected

# practices/apps.py
_.PracticesConfig

# practices/translation.py (and news', events', library's): read by modeltranslation
_.fallback_languages

# practices/models.py
_.funding
_.lessons
_.original_language
_.period
_.review_comment
_.search_title
_.submitted_by
_.target_groups

# core/mail.py
_.ConsoleEmailBackend

# subscriptions/apps.py
_.SubscriptionsConfig

# subscriptions/models.py
_.MONTHLY  # a choice the form offers
_.last_sent_at  # written with update(), read by the admin and the space's page
_.seen_at  # written by the digest job, read through filters

# peers/apps.py
_.PeersConfig

# peers/forms.py
_.label_from_instance  # Django's ModelChoiceField names each choice with it

# peers/models.py
_.recipient_count  # read by the admin and the confirmation page

# peers/services.py
_.practice_count  # read by templates/peers/index.html
